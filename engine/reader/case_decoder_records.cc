// The case's records: shipping and customs documents, the end user's
// history, intelligence reports (subjects checked later against the
// parties) and the outcome of a decided case.

#include <optional>
#include <string>
#include <utility>

#include "engine/reader/case_decoder_internal.h"

namespace divrisk::reader_internal {

void Decoder::ReadDocument(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) return;
  Document d;
  RequiredEnum(m, "kind", &d.kind);
  Str(m, "number", &d.number);
  DateField(m, "issued_on", &d.issued_on);
  Str(m, "declared_goods", &d.declared_goods);
  Bool(m, "declared_as_arms", &d.declared_as_arms);
  Str(m, "consignee", &d.consignee);
  Str(m, "end_user", &d.end_user);
  CountryField(m, "destination", &d.destination);
  d.references = Strings(m, "references", limits_.document_references);
  m.Finish();
  c_.documents.push_back(std::move(d));
}

void Decoder::ReadHistory(const DocNode& n) {
  MapReader m(n, "history", errors_);
  if (!m.ok()) return;
  History h;
  Count(m, "prior_licences_to_end_user", &h.prior_licences_to_end_user);
  Count(m, "prior_refusals_to_end_user", &h.prior_refusals_to_end_user);
  Count(m, "denial_notifications", &h.denial_notifications);
  Bool(m, "post_shipment_check_failed", &h.post_shipment_check_failed);
  Count(m, "condition_breaches", &h.condition_breaches);
  m.Finish();
  c_.history = h;
}

void Decoder::ReadIntel(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) return;
  IntelReport r;
  RequiredEnum(m, "source", &r.source);
  RequiredStr(m, "subject", &r.subject);
  if (!r.subject.empty()) {
    intel_subjects_.emplace_back(m.Optional("subject"), m.PathOf("subject"));
  }
  RequiredEnum(m, "finding", &r.finding);
  DateField(m, "reported_on", &r.reported_on);
  std::optional<Confidence> confidence;
  Enum(m, "confidence", &confidence);
  r.confidence = confidence.value_or(Confidence::kCredible);
  m.Finish();
  c_.intelligence.push_back(std::move(r));
}

void Decoder::ReadOutcome(const DocNode& n) {
  MapReader m(n, "outcome", errors_);
  if (!m.ok()) return;
  Outcome o;
  Enum(m, "decision", &o.decision);
  DateField(m, "decided_on", &o.decided_on);
  Enum(m, "diversion_found", &o.diversion_found);
  m.Finish();
  c_.outcome = o;
}

}  // namespace divrisk::reader_internal
