// A country code as the case format writes it: ISO 3166-1 alpha-2 ("GB") or,
// for a state that no longer exists, ISO 3166-3 alpha-4 ("YUCS").
//
// Four bytes, compared and hashed as a value, so that reference lookups in
// kernels never touch the heap.

#ifndef DIVRISK_ENGINE_MODEL_COUNTRY_CODE_H_
#define DIVRISK_ENGINE_MODEL_COUNTRY_CODE_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>

namespace divrisk {

class CountryCode {
 public:
  CountryCode() = default;

  // Returns a code when `text` is 2 or 4 upper-case ASCII letters; whether
  // the code exists is for the country table to say.
  static std::optional<CountryCode> FromText(std::string_view text) {
    if (text.size() != 2 && text.size() != 4) return std::nullopt;
    CountryCode code;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] < 'A' || text[i] > 'Z') return std::nullopt;
      code.chars_[i] = text[i];
    }
    return code;
  }

  std::string_view view() const {
    return std::string_view(chars_.data(), chars_[2] == 0 ? 2 : 4);
  }
  bool empty() const { return chars_[0] == 0; }

  // As one 32-bit word: comparing the arrays calls memcmp, and kernels
  // compare codes in their inner loops (memberships, embargo targets).
  friend bool operator==(const CountryCode& a, const CountryCode& b) {
    return a.Packed() == b.Packed();
  }
  friend bool operator<(const CountryCode& a, const CountryCode& b) {
    return a.chars_ < b.chars_;
  }
  template <typename H>
  friend H AbslHashValue(H h, const CountryCode& c) {
    return H::combine(std::move(h), c.Packed());
  }

 private:
  uint32_t Packed() const {
    uint32_t packed;
    std::memcpy(&packed, chars_.data(), 4);
    return packed;
  }

  std::array<char, 4> chars_{};
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_COUNTRY_CODE_H_
