// Errors as values. Nothing in the library prints or aborts: every failure comes back as a Status
// that names where it happened ("dev.jsonl:12: broken JSON: ...", "data/rules/fr/triggers.tsv:40:
// ...").
#ifndef VIGIE_STATUS_H_
#define VIGIE_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace vigie {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // malformed input: broken JSON, invalid UTF-8, a bad rule line
  kNotFound,         // a file, a record field, a gazetteer entry
  kUnsupported,      // an unsupported language, an unknown format version
  kTooLarge,         // over a configured cap (max article bytes)
  kIoError,          // the operating system refused a read or a write
  kDataError,        // a data file is corrupt or does not match what the code expects
  kInternal,
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid argument: dev.jsonl:12: broken JSON".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) {
  return {StatusCode::kNotFound, std::move(m)};
}
inline Status Unsupported(std::string m) {
  return {StatusCode::kUnsupported, std::move(m)};
}
inline Status TooLarge(std::string m) {
  return {StatusCode::kTooLarge, std::move(m)};
}
inline Status IoError(std::string m) {
  return {StatusCode::kIoError, std::move(m)};
}
inline Status DataError(std::string m) {
  return {StatusCode::kDataError, std::move(m)};
}
inline Status Internal(std::string m) {
  return {StatusCode::kInternal, std::move(m)};
}

// A value or the Status that says why there is none (std::expected arrives with C++23).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace vigie

#define VIGIE_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::vigie::Status vigie_status_ = (expr);        \
    if (!vigie_status_.ok()) return vigie_status_; \
  } while (0)

#endif  // VIGIE_STATUS_H_
