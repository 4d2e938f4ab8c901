// Builder step for the documents: the consistent paper trail and, where
// documents are a concern, the one that tells another story.

#include "engine/generate/generator_parts.h"

#include <algorithm>
#include <string>
#include <utility>

namespace divrisk::gen {

void Builder::MakeDocuments() {
  if (archive_ && !Chance(0.2)) return;
  const Tables::Destination& d = *dest_;
  const std::string year = Year(c_.assessed_on);
  // What the consistent paper trail says.
  std::string goods_text;
  for (size_t i = 0; i < c_.goods.size() && i < 2; ++i) {
    if (i) goods_text += "; ";
    goods_text += std::to_string(c_.goods[i].quantity);
    goods_text += ' ';
    goods_text += c_.goods[i].description;
  }
  const std::string& consignee =
      consignee_party_ >= 0 ? c_.parties[static_cast<size_t>(consignee_party_)].name
                            : c_.end_user.name;
  const std::string prefix(c_.exporter.name.substr(0, 3));
  std::string upper_prefix;
  for (char ch : prefix) {
    upper_prefix.push_back(static_cast<unsigned char>(ch) < 0x80 && ch != ' '
                               ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch)))
                               : 'X');
  }
  contract_number_ = Cat({upper_prefix, "-", d.code.view(), "-", year, "-"});
  Digits(&contract_number_, 2);

  auto add = [&](DocumentKind kind) -> Document& {
    Document& doc = c_.documents.emplace_back();
    doc.kind = kind;
    return doc;
  };
  if (Chance(0.7)) {
    Document& doc = add(DocumentKind::kContract);
    doc.number = contract_number_;
    doc.issued_on = DaysBefore(c_.assessed_on, 40, 300);
    doc.declared_goods = goods_text;
    doc.declared_as_arms = true;
    doc.consignee = c_.end_user.name;
    doc.destination = d.code;
  }
  if (Chance(0.5)) {
    Document& doc = add(DocumentKind::kInvoice);
    std::string n = Cat({"INV-", year.substr(2), "-"});
    Digits(&n, 4);
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 5, 120);
    doc.declared_goods = goods_text;
    doc.declared_as_arms = true;
    doc.consignee = consignee;
    doc.destination = d.code;
    doc.references.push_back(contract_number_);
  }
  if (Chance(0.25)) {
    Document& doc = add(DocumentKind::kPackingList);
    std::string n = Cat({"PL-", year, "-"});
    Digits(&n, 3);
    doc.number = std::move(n);
    doc.declared_goods = goods_text;
    doc.consignee = consignee;
  }
  auto transport_doc = [&](DocumentKind kind) {
    Document& doc = add(kind);
    std::string n;
    if (kind == DocumentKind::kAirWaybill) {
      Digits(&n, 3);
      n += '-';
      Digits(&n, 8);
    } else {
      Letters(&n, 4);
      Digits(&n, 7);
    }
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 0, 45);
    doc.declared_goods = goods_text;
    doc.declared_as_arms = true;
    doc.consignee = consignee;
    doc.destination = d.code;
    if (Chance(0.5)) doc.references.push_back(contract_number_);
    if (c_.euc_presence == EucPresence::kPresent && c_.euc.number && Chance(0.3)) {
      doc.references.push_back(*c_.euc.number);
    }
    if (Chance(0.1)) doc.declared_as_arms.reset();
  };
  if (sea_ && Chance(0.55)) transport_doc(DocumentKind::kBillOfLading);
  if (air_ && Chance(0.55)) transport_doc(DocumentKind::kAirWaybill);
  if ((sea_ || air_) && Chance(0.15)) transport_doc(DocumentKind::kCargoManifest);
  if (charter_ && Chance(0.6)) transport_doc(DocumentKind::kFlightRequest);
  if (Chance(0.2)) {
    Document& doc = add(DocumentKind::kImportLicence);
    std::string n = Cat({"IL-", d.code.view(), "-", year, "-"});
    Digits(&n, 5);
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 20, 200);
    doc.end_user = c_.end_user.name;
    doc.destination = d.code;
  }
  for (CountryCode via : transit_) {
    if (!Chance(0.25)) continue;
    Document& doc = add(DocumentKind::kTransitAuthorisation);
    std::string n = Cat({"TA-", via.view(), "-", year, "-"});
    Digits(&n, 4);
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 1, 60);
    doc.destination = d.code;
  }

  // The double paper trail: one transport or commercial document tells
  // another story.
  SmallVec<size_t, 16> transport_docs;
  for (size_t i = 0; i < c_.documents.size(); ++i) {
    const DocumentKind k = c_.documents[i].kind;
    if (k == DocumentKind::kAirWaybill || k == DocumentKind::kBillOfLading ||
        k == DocumentKind::kCargoManifest || k == DocumentKind::kFlightRequest ||
        k == DocumentKind::kInvoice) {
      transport_docs.push_back(i);
    }
  }
  if (transport_docs.empty()) return;
  Document& doc = c_.documents[Pick(transport_docs)];
  const bool decoy_goods = Chance(Area::kDocuments, 0, 0.15, 0.25);
  if (decoy_goods) {
    std::string_view decoy = "Spare parts";
    for (const gen::GoodsRow& g : gen::kGoods) {
      if (c_.goods.front().description == g.description) decoy = g.decoy;
    }
    doc.declared_goods = std::string(decoy);
  }
  if (decoy_goods || Chance(Area::kDocuments, 0.01, 0.4, 0.5)) doc.declared_as_arms = false;
  if (Chance(Area::kDocuments, 0, 0.3, 0.4)) {
    doc.consignee = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
  }
  if (Chance(Area::kDocuments, 0, 0.15, 0.3)) {
    // Another destination: a neighbour, a hub, or an embargoed state.
    const int k = Weighted({40, 30, 30});
    CountryCode other = d.code;
    if (k == 0 && d.gateway) {
      other = *d.gateway;
    } else if (k == 1 && !t_.hubs.empty()) {
      other = Pick(t_.hubs).code;
    } else if (!t_.embargo_prone.empty()) {
      other = t_.destinations[static_cast<size_t>(Pick(t_.embargo_prone))].code;
    }
    if (other != d.code) doc.destination = other;
  }
  if (Chance(Area::kDocuments, 0, 0.1, 0.2)) {
    doc.end_user = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
  }
}

}  // namespace divrisk::gen
