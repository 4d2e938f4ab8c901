#include "engine/doc/yaml_parser.h"

#include <algorithm>
#include <istream>
#include <streambuf>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "engine/doc/visible_text.h"
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

// Thrown while yaml-cpp reads ahead: the byte offset of the refused input.
struct Offset {
  size_t offset;
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
    Seen(mark, false);
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
    CheckTag(mark, tag, /*scalar=*/true);
    Seen(mark, false);
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
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                       YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    CheckTag(mark, tag, /*scalar=*/false);
    Open(mark, anchor, DocNode::Kind::kSequence,
         style == YAML::EmitterStyle::Flow);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag,
                  YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    CheckTag(mark, tag, /*scalar=*/false);
    Open(mark, anchor, DocNode::Kind::kMap, style == YAML::EmitterStyle::Flow);
  }

  // Called before yaml-cpp is handed the bytes from `offset` on. Refuses
  // when it has read far ahead of the last node it reported and what it
  // read ahead nests too deep or holds too many tokens (see
  // DocLimits::max_lookahead_tokens).
  void BeforeRead(std::string_view text, size_t offset) {
    if (offset < window_start_ + kQuietBytes) return;
    if (lexed_start_ != window_start_) {
      lex_ = Lexer{};
      lex_.Start(text, window_start_ + (window_skips_opener_ ? 1 : 0));
      lexed_start_ = window_start_;
    }
    const int base = static_cast<int>(stack_.size());
    for (; lex_.pos < std::min(offset, text.size()); ++lex_.pos) {
      if (!lex_.Step(text, flow_open_)) continue;
      if (base + lex_.depth > limits_.max_depth) {
        throw Offset{lex_.pos, absl::StrCat("nesting deeper than the limit of ",
                                            limits_.max_depth)};
      }
      if (lex_.tokens > limits_.max_lookahead_tokens) {
        throw Offset{window_start_,
                     absl::StrCat("more than ", limits_.max_lookahead_tokens,
                                  " tokens before the end of this flow "
                                  "collection ([...] or {...}) at the top or "
                                  "in key position; write it in block style")};
      }
    }
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
    bool flow = false;
  };

  // Bytes yaml-cpp may read past the last reported node before the
  // read-ahead is looked at: more than its prefetch and one block of ours,
  // so that a document whose nodes are reported as they come is never lexed.
  static constexpr size_t kQuietBytes = 16 << 10;

  // A rough YAML lexer over the bytes read ahead: flow nesting and tokens.
  // It only has to be right about flow collections (where yaml-cpp reads
  // ahead): quoted scalars, comments, brackets, commas and plain scalars;
  // block scalars (| and >) are skipped by their indentation.
  struct Lexer {
    size_t pos = 0;
    size_t line_start = 0;
    int depth = 0;      // flow nesting opened in the window
    size_t tokens = 0;
    char quote = 0;     // inside a quoted scalar
    bool escape = false;
    bool comment = false;
    bool token_start = true;  // the next character may start a node
    bool after_space = true;
    // The column of the last token started, and of the key or `-` that owns
    // the next block value (a block scalar's lines are indented past it).
    int last_token_col = -1;
    int owner_col = -1;
    // Inside a block scalar: its header, then its lines.
    bool block = false;
    bool block_header = false;
    bool block_line_start = false;
    int block_indent = 0;  // of the line being read
    int block_owner = -1;

    void Start(std::string_view text, size_t at) {
      pos = at;
      line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
      line_start = line_start == std::string_view::npos || at == 0
                       ? 0
                       : line_start + 1;
    }

    // Reads text[pos]; true when it opened a collection or a token.
    bool Step(std::string_view text, int flow_open) {
      const char c = text[pos];
      const int col = static_cast<int>(pos - line_start);
      if (c == '\n') line_start = pos + 1;
      if (block && !SkipBlock(c)) return false;
      if (comment) {
        if (c == '\n') comment = false, token_start = after_space = true;
        return false;
      }
      if (quote != 0) {
        if (escape) {
          escape = false;
        } else if (quote == '"' && c == '\\') {
          escape = true;
        } else if (c == quote) {
          const bool doubled = quote == '\'' && pos + 1 < text.size() &&
                               text[pos + 1] == '\'';
          if (doubled) {
            escape = true;
          } else {
            quote = 0;
          }
        }
        return false;
      }
      const bool in_flow = flow_open + depth > 0;
      const bool was_space = after_space;
      after_space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (after_space) {
        if (c == '\n') token_start = true;
        return false;
      }
      if (c == '#' && was_space) {
        comment = true;
        return false;
      }
      const char next = pos + 1 < text.size() ? text[pos + 1] : ' ';
      const bool next_space = next == ' ' || next == '\t' || next == '\n' ||
                              next == '\r';
      switch (c) {
        case '[':
        case '{':
          if (!in_flow && !token_start) return false;
          ++depth;
          ++tokens;
          token_start = true;
          last_token_col = col;
          return true;
        case ']':
        case '}':
          if (!in_flow) return false;
          --depth;
          ++tokens;
          token_start = false;
          return true;
        case ',':
          if (!in_flow) return false;
          ++tokens;
          token_start = true;
          return true;
        case ':':
        case '-':
        case '?':
          if (next_space || (c == ':' && in_flow)) {
            ++tokens;
            token_start = true;
            if (c == ':') {
              owner_col = last_token_col;
            } else {
              owner_col = last_token_col = col;
            }
            return true;
          }
          break;
        case '"':
        case '\'':
          if (token_start) {
            quote = c;
            ++tokens;
            token_start = false;
            last_token_col = col;
            return true;
          }
          return false;
        case '|':
        case '>':
          if (token_start && !in_flow) {
            ++tokens;
            block = block_header = true;
            block_owner = owner_col;
            return true;
          }
          break;
        default:
          break;
      }
      if (!token_start) return false;
      ++tokens;
      token_start = false;
      last_token_col = col;
      return true;
    }

    // Inside a block scalar: false while `c` belongs to it; true (and out
    // of it) at the first character of a line indented no further than
    // the scalar's owner.
    bool SkipBlock(char c) {
      if (block_header) {
        if (c == '\n') block_header = false, block_line_start = true;
        block_indent = 0;
        return false;
      }
      if (!block_line_start) {
        if (c == '\n') block_line_start = true, block_indent = 0;
        return false;
      }
      if (c == ' ') {
        ++block_indent;
        return false;
      }
      if (c == '\n' || c == '\r' || c == '\t') {
        if (c == '\n') block_indent = 0;
        return false;
      }
      if (block_indent > block_owner) {
        block_line_start = false;
        return false;
      }
      block = false;
      token_start = after_space = true;
      return true;
    }
  };

  // Untagged nodes come as "?" (plain) or "!" (quoted); `!!str` on a
  // scalar says what a quoted scalar says. Any other tag (`!!binary`,
  // `!!int`, `!local`) would change what the text means, and no file of
  // divrisk uses one.
  void CheckTag(const YAML::Mark& mark, const std::string& tag, bool scalar) {
    if (tag == "?" || tag == "!" ||
        (scalar && tag == "tag:yaml.org,2002:str")) {
      return;
    }
    std::string shown = tag;
    if (shown.starts_with("tag:yaml.org,2002:")) {
      shown = absl::StrCat("!!", shown.substr(18));
    }
    throw Refusal{mark, absl::StrCat("YAML tag '",
                                     Excerpt(shown), "' is not accepted (only !!str is)")};
  }

  // Where the next read-ahead window starts: at the node just reported.
  void Seen(const YAML::Mark& mark, bool flow_opener) {
    if (mark.pos < 0) return;
    window_start_ = static_cast<size_t>(mark.pos);
    window_skips_opener_ = flow_opener;
  }

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

  void Open(const YAML::Mark& mark, YAML::anchor_t anchor, DocNode::Kind kind,
            bool flow) {
    CheckAnchor(mark, anchor);
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw Refusal{mark, absl::StrCat("nesting deeper than the limit of ",
                                       limits_.max_depth)};
    }
    stack_.push_back(OpenNode{NewNode(mark, kind), false, DocNode{}, flow});
    flow_open_ += flow;
    Seen(mark, flow);
  }

  void Close() {
    flow_open_ -= stack_.back().flow;
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
  int flow_open_ = 0;  // flow collections among stack_
  size_t window_start_ = 0;
  bool window_skips_opener_ = false;
  size_t lexed_start_ = ~size_t{0};
  Lexer lex_;
  DocNode root_;
  bool has_root_ = false;
  size_t nodes_ = 0;
  YAML::Mark last_mark_;
  YAML::Mark document_start_;
};

// The document as yaml-cpp's input, handed out a block at a time, so that
// the builder can look at what yaml-cpp reads ahead before it reads more.
class GuardedInput : public std::streambuf {
 public:
  GuardedInput(std::string_view text, TreeBuilder* builder)
      : text_(text), builder_(builder) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (next_ >= text_.size()) return traits_type::eof();
    builder_->BeforeRead(text_, next_);
    char* begin = const_cast<char*>(text_.data()) + next_;
    const size_t n = std::min(kBlock, text_.size() - next_);
    setg(begin, begin, begin + n);
    next_ += n;
    return traits_type::to_int_type(*begin);
  }

 private:
  static constexpr size_t kBlock = 1024;
  std::string_view text_;
  TreeBuilder* builder_;
  size_t next_ = 0;
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
  TreeBuilder builder(limits);
  GuardedInput input(text, &builder);
  std::istream in(&input);
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
  } catch (const Offset& r) {
    return absl::InvalidArgumentError(
        absl::StrCat(PositionOf(text, r.offset), r.message));
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
