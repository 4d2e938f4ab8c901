// The routes that describe the service: GET /healthz, /metrics, /v1/rules,
// /v1/openapi.json and the page (/), and POST /v1/rules/reload.

#include <ctime>

#include "absl/strings/str_cat.h"
#include "engine/doc/json_writer.h"
#include "engine/model/date.h"
#include "engine/output/screening_writer.h"
#include "engine/service/documents.h"
#include "engine/service/service_context.h"

namespace divrisk::service {

namespace {

Date Today() {
  return Date{static_cast<int32_t>(std::time(nullptr) / 86400)};
}

// The loaded rule set: identity, indicators, reference files and the
// screening lists with their age today.
std::string RulesJson(const Plan& plan, std::time_t loaded_at) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("name").Str(plan.name).Key("version").Str(plan.version);
    j.Key("sha256").Str(plan.sha256).Key("loaded_at").Int(loaded_at);
    j.Key("indicators").Open('[');
    for (const IndicatorSpec& ind : plan.indicators) {
      j.Open('{').Key("id").Str(ind.id).Key("kernel").Str(ind.kernel_name);
      j.Key("refs").Open('[');
      for (const std::string& ref : ind.refs) j.Str(ref);
      j.Close(']').Close('}');
    }
    j.Close(']').Key("reference").Open('[');
    for (const ReferenceFileInfo& f : plan.reference->files) {
      j.Open('{').Key("file").Str(f.file).Key("title").Str(f.title);
      j.Key("as_of").Str(f.as_of).Key("illustrative").Bool(f.illustrative);
      j.Close('}');
    }
    j.Close(']').Key("screening");
    WriteScreeningJson(plan, Today(), j);
    j.Close('}');
  }
  out.push_back('\n');
  return out;
}

}  // namespace

void AddInfoRoutes(httplib::Server& server, ServiceContext& ctx) {
  server.Get("/healthz", [&ctx](const httplib::Request&, httplib::Response& res) {
    absl::StatusOr<std::shared_ptr<const Plan>> plan = ctx.plans.Get();
    if (!plan.ok()) {
      return SendErrors(res, 503, Unlocated("", "no rule set loaded"));
    }
    res.set_content(absl::StrCat("{\"status\":\"ok\",\"rule_set\":",
                                 RuleSetIdentityJson(**plan), "}\n"),
                    "application/json");
  });
  server.Get("/metrics", [&ctx](const httplib::Request&, httplib::Response& res) {
    absl::StatusOr<std::shared_ptr<const Plan>> plan = ctx.plans.Get();
    if (!plan.ok()) return SendErrors(res, 503, Unlocated("", "no rule set"));
    res.set_content(ctx.metrics.Text(**plan, ctx.plans.loaded_at(),
                                     std::time(nullptr)),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
  server.Get("/v1/rules", [&ctx](const httplib::Request&, httplib::Response& res) {
    absl::StatusOr<std::shared_ptr<const Plan>> plan = ctx.plans.Get();
    if (!plan.ok()) return SendErrors(res, 503, Unlocated("", "no rule set"));
    res.set_content(RulesJson(**plan, ctx.plans.loaded_at()),
                    "application/json");
  });
  server.Post("/v1/rules/reload",
              [&ctx](const httplib::Request&, httplib::Response& res) {
    const absl::Status s = ctx.ReloadRules();
    absl::StatusOr<std::shared_ptr<const Plan>> plan = ctx.plans.Get();
    if (!s.ok()) {
      // The errors body, and the rule set still in use.
      std::string body = ErrorsJson(FromStatus(s));
      body.pop_back();  // "}\n" -> "}"
      body.pop_back();
      if (plan.ok()) absl::StrAppend(&body, ",\"rule_set\":", RuleSetIdentityJson(**plan));
      res.status = 422;
      res.set_content(body + "}\n", "application/json");
      return;
    }
    res.set_content(absl::StrCat("{\"reloaded\":true,\"rule_set\":",
                                 RuleSetIdentityJson(**plan), "}\n"),
                    "application/json");
  });
  server.Get("/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(OpenApiJson()), "application/json");
  });
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(PageHtml()), "text/html; charset=utf-8");
    // The page runs only its own inline script and talks only to us.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; "
                   "style-src 'unsafe-inline'; connect-src 'self'; "
                   "frame-src 'self' blob: data:; img-src data:; "
                   "base-uri 'none'; form-action 'none'");
  });
}

}  // namespace divrisk::service
