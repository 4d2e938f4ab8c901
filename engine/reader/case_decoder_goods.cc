// What is exported and the end-user document that covers it: goods lines
// (category, quantity, unit value) and the EUC, or the word `unknown`.

#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/reader/case_decoder_internal.h"

namespace divrisk::reader_internal {

void Decoder::ReadGoods(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) return;
  GoodsLine g;
  RequiredEnum(m, "category", &g.category);
  RequiredStr(m, "description", &g.description);
  Str(m, "control_entry", &g.control_entry);
  if (const DocNode* q = m.Required("quantity")) {
    g.quantity = ReadInt(*q, FieldPath(m.path(), "quantity"), errors_, 1, kMaxCount)
                     .value_or(0);
  }
  std::optional<QuantityUnit> unit;
  Enum(m, "quantity_unit", &unit);
  g.quantity_unit = unit.value_or(QuantityUnit::kItems);
  Enum(m, "condition", &g.condition);
  CountryField(m, "origin_country", &g.origin_country);
  Field(m, "unit_value", &g.unit_value,
        [&](const DocNode& v, const FieldPath& p) -> std::optional<double> {
          auto d = ReadNumber(v, p, errors_);
          if (d && *d < 0) {
            errors_->Add(v, p, "expected a value of zero or more");
            return std::nullopt;
          }
          return d;
        });
  Bool(m, "marked", &g.marked);
  Bool(m, "manpads", &g.manpads);
  m.Finish();
  c_.goods.push_back(std::move(g));
}

void Decoder::ReadEuc(const DocNode& n) {
  if (n.IsScalar() && n.type == DocNode::ScalarType::kString &&
      n.text == "unknown") {
    c_.euc_presence = EucPresence::kUnknown;
    return;
  }
  if (n.kind != DocNode::Kind::kMap) {
    errors_->Add(n, "euc",
                 absl::StrCat("expected an end-user document or the word "
                              "unknown, found ", n.Describe()));
    return;
  }
  MapReader m(n, "euc", errors_);
  c_.euc_presence = EucPresence::kPresent;
  Euc& e = c_.euc;
  RequiredEnum(m, "kind", &e.kind);
  Str(m, "number", &e.number);
  Str(m, "issuer_authority", &e.issuer_authority);
  CountryField(m, "issuer_country", &e.issuer_country);
  Str(m, "signatory", &e.signatory);
  DateField(m, "issued_on", &e.issued_on);
  DateField(m, "valid_until", &e.valid_until);
  Bool(m, "original_seen", &e.original_seen);
  Enum(m, "authentication", &e.authentication);
  Bool(m, "template_on_file", &e.template_on_file);
  Str(m, "end_user_named", &e.end_user_named);
  if (m.Optional("goods") != nullptr) {
    e.goods.emplace();
    List(m, "goods", limits_.euc_goods,
         [&](const DocNode& item, const std::string& p) {
      MapReader gm(item, p, errors_);
      if (!gm.ok()) return;
      EucGoods g;
      RequiredEnum(gm, "category", &g.category);
      Count(gm, "quantity", &g.quantity);
      gm.Finish();
      e.goods->push_back(g);
    });
  }
  if (const DocNode* clauses = m.Optional("clauses")) {
    if (clauses->kind != DocNode::Kind::kSequence ||
        WithinLimit(*clauses, m.PathOf("clauses"), clauses->items.size(),
                    limits_.enum_words)) {
      e.clauses =
          ReadEnumSet<EucClause>(*clauses, m.PathOf("clauses"), errors_);
    }
  }
  Bool(m, "reissued_after_objection", &e.reissued_after_objection);
  m.Finish();
}

}  // namespace divrisk::reader_internal
