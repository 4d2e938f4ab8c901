#include "rules/canonical.h"

#include <openssl/evp.h>

#include <algorithm>
#include <vector>

#include "engine/doc/json_text.h"

namespace divrisk {

void AppendCanonical(const DocNode& node, std::string* out) {
  switch (node.kind) {
    case DocNode::Kind::kNull:
      out->append("null");
      return;
    case DocNode::Kind::kScalar: {
      static constexpr const char* kTags[] = {"s:", "n:", "b:"};
      AppendJsonString(
          std::string(kTags[static_cast<int>(node.type)]) + node.text, out);
      return;
    }
    case DocNode::Kind::kSequence:
      out->push_back('[');
      for (size_t i = 0; i < node.items.size(); ++i) {
        if (i) out->push_back(',');
        AppendCanonical(node.items[i], out);
      }
      out->push_back(']');
      return;
    case DocNode::Kind::kMap: {
      std::vector<const std::pair<DocNode, DocNode>*> fields;
      for (const auto& f : node.fields) fields.push_back(&f);
      std::sort(fields.begin(), fields.end(), [](auto* a, auto* b) {
        return a->first.text < b->first.text;
      });
      out->push_back('{');
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out->push_back(',');
        AppendJsonString(fields[i]->first.text, out);
        out->push_back(':');
        AppendCanonical(fields[i]->second, out);
      }
      out->push_back('}');
      return;
    }
  }
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(),
             nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

}  // namespace divrisk
