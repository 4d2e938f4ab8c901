#include "engine/doc/yaml_parser.h"

#include <sstream>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "yaml-cpp/eventhandler.h"
#include "yaml-cpp/exceptions.h"
#include "yaml-cpp/mark.h"
#include "yaml-cpp/parser.h"

namespace divrisk {
namespace {

// Thrown inside the handler to stop the parse at the first refused event.
struct Refusal {
  YAML::Mark mark;
  std::string message;
};

// Builds the tree from events, keeping a stack of open containers.
class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const DocLimits& limits) : limits_(limits) {}

  DocNode TakeRoot() { return std::move(root_); }
  bool has_root() const { return has_root_; }
  const YAML::Mark& document_start() const { return document_start_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    document_start_ = mark;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckAnchor(mark, anchor);
    Add(NewNode(mark, DocNode::Kind::kNull));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refusal{mark, "aliases (*name) are not accepted"};
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    throw Refusal{mark, "anchors (&name) are not accepted"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag,
                YAML::anchor_t anchor, const std::string& value) override {
    CheckAnchor(mark, anchor);
    if (value.size() > limits_.max_scalar_bytes) {
      throw Refusal{mark, absl::StrCat("string longer than the limit of ",
                                       limits_.max_scalar_bytes, " bytes")};
    }
    DocNode node = NewNode(mark, DocNode::Kind::kScalar);
    node.text = value;
    // yaml-cpp tags plain scalars "?" and quoted ones "!".
    node.type = tag == "?" ? ClassifyPlainScalar(value)
                           : DocNode::ScalarType::kString;
    Add(std::move(node));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&,
                       YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    Open(mark, anchor, DocNode::Kind::kSequence);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&,
                  YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    Open(mark, anchor, DocNode::Kind::kMap);
  }
  void OnMapEnd() override {
    if (stack_.back().pending_key) {
      throw Refusal{last_mark_, "map ended after a key without a value"};
    }
    Close();
  }

 private:
  struct OpenNode {
    DocNode node;
    bool pending_key = false;
    DocNode key;
  };

  void CheckAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Refusal{mark, "anchors (&name) are not accepted"};
    }
  }

  DocNode NewNode(const YAML::Mark& mark, DocNode::Kind kind) {
    if (++nodes_ > limits_.max_nodes) {
      throw Refusal{mark, absl::StrCat("more than ", limits_.max_nodes,
                                       " nodes")};
    }
    last_mark_ = mark;
    DocNode node;
    node.kind = kind;
    node.line = mark.line + 1;
    node.column = mark.column + 1;
    return node;
  }

  void Open(const YAML::Mark& mark, YAML::anchor_t anchor, DocNode::Kind kind) {
    CheckAnchor(mark, anchor);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Refusal{mark, absl::StrCat("nesting deeper than the limit of ",
                                       limits_.max_depth)};
    }
    stack_.push_back(OpenNode{NewNode(mark, kind), false, DocNode{}});
  }

  void Close() {
    DocNode node = std::move(stack_.back().node);
    stack_.pop_back();
    Add(std::move(node));
  }

  void Add(DocNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    OpenNode& top = stack_.back();
    if (top.node.kind == DocNode::Kind::kSequence) {
      top.node.items.push_back(std::move(node));
    } else if (!top.pending_key) {
      if (node.kind != DocNode::Kind::kScalar) {
        YAML::Mark at;
        at.line = node.line - 1;
        at.column = node.column - 1;
        throw Refusal{at, "map keys must be strings"};
      }
      top.key = std::move(node);
      top.pending_key = true;
    } else {
      top.node.fields.emplace_back(std::move(top.key), std::move(node));
      top.pending_key = false;
    }
  }

  const DocLimits& limits_;
  std::vector<OpenNode> stack_;
  DocNode root_;
  bool has_root_ = false;
  size_t nodes_ = 0;
  YAML::Mark last_mark_;
  YAML::Mark document_start_;
};

// "line:column: " of byte `offset` in `text` (1-based, columns in bytes).
std::string PositionOf(std::string_view text, size_t offset) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return absl::StrCat(line, ":", offset - line_start + 1, ": ");
}

}  // namespace

absl::StatusOr<DocNode> ParseYaml(std::string_view text,
                                  const DocLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "1:1: document larger than the limit of ", limits.max_bytes, " bytes"));
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        PositionOf(text, nul), "the document contains a NUL byte"));
  }
  // yaml-cpp passes ill-formed bytes through into scalars; refuse them here
  // as the JSON reader does.
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        PositionOf(text, bad), "the document is not valid UTF-8"));
  }
  std::istringstream in{std::string(text)};
  TreeBuilder builder(limits);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    TreeBuilder extra(limits);
    if (parser.HandleNextDocument(extra)) {
      const YAML::Mark& at = extra.document_start();
      return absl::InvalidArgumentError(
          absl::StrCat(at.line + 1, ":", at.column + 1,
                       ": the file holds more than one YAML document"));
    }
  } catch (const Refusal& r) {
    return absl::InvalidArgumentError(absl::StrCat(
        r.mark.line + 1, ":", r.mark.column + 1, ": ", r.message));
  } catch (const YAML::Exception& e) {
    return absl::InvalidArgumentError(
        absl::StrCat(e.mark.line + 1, ":", e.mark.column + 1, ": ", e.msg));
  }
  if (!builder.has_root()) {
    return absl::InvalidArgumentError("1:1: the document is empty");
  }
  return builder.TakeRoot();
}

}  // namespace divrisk
