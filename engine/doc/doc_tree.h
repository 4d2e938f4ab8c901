// DocNode: a parsed YAML or JSON document as a plain tree with positions.
//
// Case files and rule sets are read in two steps: a parser (yaml_parser.h
// here, or the JSON parser in engine/reader) builds a DocNode tree, and a
// decoder walks it with a schema. The tree keeps every key in order, with its
// line and column, so decoders can report duplicate and unknown keys at their
// place, and no parser type leaks past the parser.

#ifndef DIVRISK_ENGINE_DOC_DOC_TREE_H_
#define DIVRISK_ENGINE_DOC_DOC_TREE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace divrisk {

struct DocNode {
  // Declared here and defaulted below the class, where DocNode is
  // complete: clang with libstdc++ otherwise instantiates
  // pair<DocNode, DocNode>'s traits inside the incomplete class and
  // refuses to compile.
  DocNode();
  ~DocNode();
  DocNode(const DocNode&);
  DocNode(DocNode&&) noexcept;
  DocNode& operator=(const DocNode&);
  DocNode& operator=(DocNode&&) noexcept;

  enum class Kind : uint8_t { kNull, kScalar, kSequence, kMap };
  // How a scalar reads under the YAML 1.2 core schema (or its JSON type).
  enum class ScalarType : uint8_t { kString, kNumber, kBool };

  Kind kind = Kind::kNull;
  ScalarType type = ScalarType::kString;
  std::string text;  // the scalar's text
  int line = 0;      // 1-based
  int column = 0;    // 1-based
  std::vector<DocNode> items;                           // kSequence
  std::vector<std::pair<DocNode, DocNode>> fields;      // kMap: key, value

  bool IsScalar() const { return kind == Kind::kScalar; }
  // The value of map key `key`, or nullptr.
  const DocNode* Find(std::string_view key) const {
    for (const auto& [k, v] : fields) {
      if (k.text == key) return &v;
    }
    return nullptr;
  }
  // "a string", "a number", "a list", ... for error messages.
  const char* Describe() const;
};

inline DocNode::DocNode() = default;
inline DocNode::~DocNode() = default;
inline DocNode::DocNode(const DocNode&) = default;
inline DocNode::DocNode(DocNode&&) noexcept = default;
inline DocNode& DocNode::operator=(const DocNode&) = default;
inline DocNode& DocNode::operator=(DocNode&&) noexcept = default;

// Limits on what a parser accepts before it builds anything large.
struct DocLimits {
  size_t max_bytes = 16 << 20;       // whole document
  int max_depth = 64;                // nesting of maps and sequences
  size_t max_nodes = 1 << 20;        // nodes in the tree
  size_t max_scalar_bytes = 1 << 16; // one string, map keys included
  // YAML only: tokens the parser may read ahead of the last node it
  // reported. yaml-cpp reads a flow collection that could still turn out to
  // be a key (one at the top of a document, or nested in another) to its end
  // before it reports anything, at about 240 bytes per token; this bounds
  // that memory (about 16 MB) and refuses deep nesting there at once.
  size_t max_lookahead_tokens = 1 << 16;
};

// Classifies a YAML plain (unquoted) scalar under the core schema.
DocNode::ScalarType ClassifyPlainScalar(std::string_view text);

// Offset of the first byte of `text` that is not part of a well-formed UTF-8
// sequence (overlong forms, surrogates and code points past U+10FFFF are
// ill-formed), or std::string_view::npos when all of it is UTF-8.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_DOC_TREE_H_
