// POST /v1/assess: one case (JSON or YAML, by Content-Type) -> its
// assessment as JSON, or as the HTML report (?format=html, or Accept:
// text/html). ?authority=CC forces the deciding state, as --authority does.

#include <span>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "engine/explain/assessment.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/report/html_report.h"
#include "engine/service/service_context.h"
#include "rules/canonical.h"

namespace divrisk::service {

namespace {

// The syntax a media type names, or none.
std::optional<CaseSyntax> CaseSyntaxOf(const std::string& type) {
  if (type == "application/json") return CaseSyntax::kJson;
  if (type == "application/yaml" || type == "application/x-yaml" ||
      type == "text/yaml" || type == "text/x-yaml") {
    return CaseSyntax::kYaml;
  }
  return std::nullopt;
}

// Whether the client asked for the HTML report; an unknown ?format= is an
// error.
absl::StatusOr<bool> WantsHtml(const httplib::Request& req) {
  if (req.has_param("format")) {
    const std::string format = req.get_param_value("format");
    if (format == "html") return true;
    if (format == "json") return false;
    return absl::InvalidArgumentError(absl::StrCat(
        "format: expected json or html, found '", format, "'"));
  }
  return absl::StrContains(req.get_header_value("Accept"), "text/html");
}

// Appends the audit record of one assessment; false when the log failed.
bool Audit(ServiceContext& ctx, const std::string& json,
           const std::string& body, CaseSyntax syntax,
           const std::string& authority) {
  if (ctx.audit == nullptr) return true;
  AuditRecord r;
  r.route = "assess";
  r.authority = authority;
  r.input_syntax = syntax == CaseSyntax::kJson ? "json" : "yaml";
  r.input_sha256 = Sha256Hex(body);
  if (ctx.options.audit_inputs) r.input = body;
  if (!FillFromAssessmentJson(json, &r).ok()) return false;
  return ctx.audit->Append(std::span<AuditRecord>(&r, 1)).ok();
}

void Assess(ServiceContext& ctx, const httplib::Request& req,
            httplib::Response& res, const httplib::ContentReader& reader) {
  const std::optional<CaseSyntax> syntax = CaseSyntaxOf(MediaType(req));
  if (!syntax) {
    DrainBody(reader);
    return SendErrors(res, 415, Unlocated("request", absl::StrCat(
        "Content-Type: expected application/json or application/yaml, "
        "found '", req.get_header_value("Content-Type"), "'")));
  }
  const absl::StatusOr<bool> html = WantsHtml(req);
  if (!html.ok()) {
    DrainBody(reader);
    return SendErrors(res, 400, FromStatus(html.status(), "request"));
  }
  std::string body;
  bool too_big = false;
  if (!ReadBody(reader, ctx.options.limits.max_body_bytes, &body, &too_big)) {
    return SendUnreadBody(res, ctx.options);
  }
  if (too_big) {
    return SendErrors(res, 413, Unlocated("request", absl::StrCat(
        "the case is larger than the limit of ",
        ctx.options.limits.max_body_bytes, " bytes")));
  }
  const std::string authority = req.get_param_value("authority");
  absl::StatusOr<std::shared_ptr<const Plan>> plan = ctx.plans.Get(authority);
  if (!plan.ok()) {
    return SendErrors(res, 400, FromStatus(plan.status(), "request"));
  }
  DocErrors errors;
  absl::StatusOr<Case> c =
      ReadCaseText(body, *syntax, "request", *(*plan)->reference, &errors);
  if (!c.ok()) {
    ctx.metrics.CasesRejected(1);
    return SendErrors(res, 400,
                      errors.empty() ? FromStatus(c.status(), "request")
                                     : FromDocErrors("request", errors));
  }
  const Assessment a = AssessOne(**plan, *c);
  std::string json;
  if (!*html || ctx.audit != nullptr) AppendAssessmentJson(**plan, a, &json);
  if (!Audit(ctx, json, body, *syntax, authority)) {
    return SendErrors(res, 503, Unlocated("", "the audit log could not be "
                                              "written; nothing was served"));
  }
  ctx.metrics.CasesScored(1);
  res.set_header("X-Rule-Set-SHA256", (*plan)->sha256);
  if (*html) {
    std::string page;
    AppendHtmlReport(**plan, a, &page);
    res.set_content(std::move(page), "text/html; charset=utf-8");
  } else {
    res.set_content(std::move(json), "application/json");
  }
}

}  // namespace

void AddAssessRoute(httplib::Server& server, ServiceContext& ctx) {
  server.Post("/v1/assess",
              [&ctx](const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& reader) {
                Assess(ctx, req, res, reader);
              });
}

}  // namespace divrisk::service
