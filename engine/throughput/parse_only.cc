#include "engine/throughput/parse_only.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "absl/strings/str_cat.h"
#include "simdjson.h"

namespace divrisk {
namespace {

namespace od = simdjson::ondemand;

// Touches every value below `v`; false on a JSON error.
bool Walk(od::value v, ParseOnlyResult* r) {
  od::json_type type;
  if (v.type().get(type)) return false;
  switch (type) {
    case od::json_type::object: {
      od::object object;
      if (v.get_object().get(object)) return false;
      for (auto field : object) {
        std::string_view key;
        if (field.unescaped_key().get(key)) return false;
        r->checksum += static_cast<double>(key.size());
        od::value child;
        if (field.value().get(child) || !Walk(child, r)) return false;
      }
      return true;
    }
    case od::json_type::array: {
      od::array array;
      if (v.get_array().get(array)) return false;
      for (auto item : array) {
        od::value child;
        if (item.get(child) || !Walk(child, r)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view s;
      if (v.get_string().get(s)) return false;
      r->checksum += static_cast<double>(s.size());
      break;
    }
    case od::json_type::number: {
      double d;
      if (v.get_double().get(d)) return false;
      r->checksum += d;
      break;
    }
    case od::json_type::boolean: {
      bool b;
      if (v.get_bool().get(b)) return false;
      r->checksum += b;
      break;
    }
    case od::json_type::null:
      break;
  }
  ++r->values;
  return true;
}

}  // namespace

absl::StatusOr<ParseOnlyResult> ParseOnly(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"),
                                            &std::fclose);
  if (!file) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  ParseOnlyResult r;
  od::parser parser;
  // Lines are copied into a padded buffer, as the batch reader does.
  std::vector<char> block(1 << 20);
  std::string pending;
  std::string padded;
  auto parse = [&](std::string_view line) {
    ++r.read_lines;
    if (line.empty()) return;
    ++r.lines;
    padded.assign(line);
    padded.resize(line.size() + simdjson::SIMDJSON_PADDING);
    od::document doc;
    od::value root;
    if (parser.iterate(padded.data(), line.size(), padded.size()).get(doc) ||
        doc.get_value().get(root) || !Walk(root, &r)) {
      ++r.invalid;
    }
  };
  size_t n;
  while ((n = std::fread(block.data(), 1, block.size(), file.get())) > 0) {
    r.bytes += n;
    std::string_view chunk(block.data(), n);
    size_t start = 0;
    for (size_t nl; (nl = chunk.find('\n', start)) != std::string_view::npos;
         start = nl + 1) {
      if (pending.empty()) {
        parse(chunk.substr(start, nl - start));
      } else {
        pending.append(chunk.substr(start, nl - start));
        parse(pending);
        pending.clear();
      }
    }
    pending.append(chunk.substr(start));
  }
  if (std::ferror(file.get())) {
    return absl::DataLossError(absl::StrCat(path, ": read failed"));
  }
  if (!pending.empty()) parse(pending);  // a last line without a newline
  return r;
}

}  // namespace divrisk
