// Mockloop's test harness for C++, run inside the sandbox (precompiled as a header). The
// candidate's solution.cpp is included after it with `main` renamed, and mockloop::run_tests
// calls the entry once per test with arguments read from /src/args.json, converted to the
// function's own parameter types, writing one JSON line per call to file descriptor 3. Pass or
// fail is the server's to decide; expected values never come here.
#include <bits/stdc++.h>
#include <unistd.h>

namespace mockloop {

struct Json {
  enum Kind { Null, Bool, Int, Num, Str, Arr, Obj } kind = Null;
  bool b = false;
  long long i = 0;
  double d = 0;
  std::string s;
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> fields;
};

class Reader {
 public:
  explicit Reader(const std::string& text) : t_(text) {}
  Json parse() {
    Json v = value(0);
    space();
    if (p_ != t_.size()) fail("trailing characters");
    return v;
  }

 private:
  const std::string& t_;
  size_t p_ = 0;
  [[noreturn]] void fail(const char* why) { throw std::runtime_error(std::string("bad test data: ") + why); }
  void space() { while (p_ < t_.size() && isspace(static_cast<unsigned char>(t_[p_]))) p_++; }
  char peek() { return p_ < t_.size() ? t_[p_] : '\0'; }
  void expect(char c) { if (peek() != c) fail("unexpected character"); p_++; }
  Json value(int depth) {
    if (depth > 256) fail("nested too deeply");
    space();
    Json v;
    char c = peek();
    if (c == '{') {
      v.kind = Json::Obj; p_++; space();
      if (peek() == '}') { p_++; return v; }
      for (;;) {
        space(); Json key = str(); space(); expect(':');
        v.fields.emplace_back(key.s, value(depth + 1)); space();
        if (peek() == ',') { p_++; continue; }
        expect('}'); return v;
      }
    }
    if (c == '[') {
      v.kind = Json::Arr; p_++; space();
      if (peek() == ']') { p_++; return v; }
      for (;;) {
        v.items.push_back(value(depth + 1)); space();
        if (peek() == ',') { p_++; continue; }
        expect(']'); return v;
      }
    }
    if (c == '"') return str();
    if (t_.compare(p_, 4, "true") == 0) { p_ += 4; v.kind = Json::Bool; v.b = true; return v; }
    if (t_.compare(p_, 5, "false") == 0) { p_ += 5; v.kind = Json::Bool; return v; }
    if (t_.compare(p_, 4, "null") == 0) { p_ += 4; return v; }
    size_t start = p_;
    while (p_ < t_.size() && strchr("+-0123456789.eE", t_[p_])) p_++;
    std::string num = t_.substr(start, p_ - start);
    if (num.empty()) fail("unexpected character");
    bool whole = num.find_first_of(".eE") == std::string::npos;
    errno = 0;
    if (whole) {
      long long n = strtoll(num.c_str(), nullptr, 10);
      if (errno == 0) { v.kind = Json::Int; v.i = n; v.d = static_cast<double>(n); return v; }
    }
    v.kind = Json::Num; v.d = strtod(num.c_str(), nullptr);
    return v;
  }
  Json str() {
    expect('"');
    Json v; v.kind = Json::Str;
    for (;;) {
      if (p_ >= t_.size()) fail("unterminated string");
      char c = t_[p_++];
      if (c == '"') return v;
      if (c != '\\') { v.s += c; continue; }
      char e = t_[p_++];
      switch (e) {
        case 'n': v.s += '\n'; break;
        case 't': v.s += '\t'; break;
        case 'r': v.s += '\r'; break;
        case 'b': v.s += '\b'; break;
        case 'f': v.s += '\f'; break;
        case 'u': {
          unsigned code = static_cast<unsigned>(std::stoul(t_.substr(p_, 4), nullptr, 16));
          p_ += 4;
          if (code < 0x80) v.s += static_cast<char>(code);
          else if (code < 0x800) { v.s += static_cast<char>(0xC0 | (code >> 6)); v.s += static_cast<char>(0x80 | (code & 0x3F)); }
          else { v.s += static_cast<char>(0xE0 | (code >> 12)); v.s += static_cast<char>(0x80 | ((code >> 6) & 0x3F)); v.s += static_cast<char>(0x80 | (code & 0x3F)); }
          break;
        }
        default: v.s += e;
      }
    }
  }
};

[[noreturn]] inline void mismatch(const char* want, const Json& j) {
  static const char* names[] = {"null", "a boolean", "a whole number", "a number", "a string", "an array", "an object"};
  throw std::invalid_argument(std::string("expected ") + want + ", got " + names[j.kind]);
}

// ---- JSON to the parameter's C++ type ----------------------------------------------------------
template <class T, class = void> struct From;

template <class T> struct From<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static T get(const Json& j) {
    if (j.kind != Json::Int) mismatch("a whole number", j);
    if (j.i < static_cast<long long>(std::numeric_limits<T>::min()) ||
        (j.i > 0 && static_cast<unsigned long long>(j.i) > static_cast<unsigned long long>(std::numeric_limits<T>::max())))
      throw std::out_of_range("the number " + std::to_string(j.i) + " does not fit the parameter's type");
    return static_cast<T>(j.i);
  }
};
template <class T> struct From<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static T get(const Json& j) {
    if (j.kind != Json::Int && j.kind != Json::Num) mismatch("a number", j);
    return static_cast<T>(j.d);
  }
};
template <> struct From<bool> {
  static bool get(const Json& j) { if (j.kind != Json::Bool) mismatch("a boolean", j); return j.b; }
};
template <> struct From<std::string> {
  static std::string get(const Json& j) { if (j.kind != Json::Str) mismatch("a string", j); return j.s; }
};
template <class T> struct From<std::vector<T>> {
  static std::vector<T> get(const Json& j) {
    if (j.kind != Json::Arr) mismatch("an array", j);
    std::vector<T> out;
    out.reserve(j.items.size());
    for (const Json& item : j.items) out.push_back(From<T>::get(item));
    return out;
  }
};
template <class A, class B> struct From<std::pair<A, B>> {
  static std::pair<A, B> get(const Json& j) {
    if (j.kind != Json::Arr || j.items.size() != 2) mismatch("a pair [a, b]", j);
    return {From<A>::get(j.items[0]), From<B>::get(j.items[1])};
  }
};
template <class... T> struct From<std::tuple<T...>> {
  template <size_t... I> static std::tuple<T...> build(const Json& j, std::index_sequence<I...>) {
    return std::tuple<T...>(From<T>::get(j.items[I])...);
  }
  static std::tuple<T...> get(const Json& j) {
    if (j.kind != Json::Arr || j.items.size() != sizeof...(T)) mismatch("a tuple of the right length", j);
    return build(j, std::index_sequence_for<T...>{});
  }
};
template <class V> struct From<std::map<std::string, V>> {
  static std::map<std::string, V> get(const Json& j) {
    if (j.kind != Json::Obj) mismatch("an object", j);
    std::map<std::string, V> out;
    for (const auto& [k, v] : j.fields) out.emplace(k, From<V>::get(v));
    return out;
  }
};
template <class V> struct From<std::unordered_map<std::string, V>> {
  static std::unordered_map<std::string, V> get(const Json& j) {
    if (j.kind != Json::Obj) mismatch("an object", j);
    std::unordered_map<std::string, V> out;
    for (const auto& [k, v] : j.fields) out.emplace(k, From<V>::get(v));
    return out;
  }
};

// ---- the returned value to JSON ----------------------------------------------------------------
inline void quote(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20) { char buf[8]; snprintf(buf, sizeof buf, "\\u%04x", c); out += buf; }
    else out += static_cast<char>(c);
  }
  out += '"';
}

template <class T, class = void> struct To;
template <class T> void write(std::string& out, const T& v) { To<std::decay_t<T>>::put(out, v); }

template <class T> struct To<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>>> {
  static void put(std::string& out, T v) { out += std::to_string(v); }
};
template <class T> struct To<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static void put(std::string& out, T v) {
    if (!std::isfinite(v)) throw std::domain_error("a result that is not a finite number cannot be JSON");
    char buf[32];
    snprintf(buf, sizeof buf, "%.17g", static_cast<double>(v));
    // The shortest text that reads back as the same double, so 0.1 stays 0.1.
    for (int precision = 1; precision <= 17; precision++) {
      char shorter[32];
      snprintf(shorter, sizeof shorter, "%.*g", precision, static_cast<double>(v));
      if (strtod(shorter, nullptr) == static_cast<double>(v)) { out += shorter; return; }
    }
    out += buf;
  }
};
template <> struct To<bool> { static void put(std::string& out, bool v) { out += v ? "true" : "false"; } };
template <> struct To<char> { static void put(std::string& out, char v) { quote(out, std::string(1, v)); } };
template <> struct To<std::string> { static void put(std::string& out, const std::string& v) { quote(out, v); } };
template <> struct To<const char*> { static void put(std::string& out, const char* v) { quote(out, v); } };
template <> struct To<std::string_view> { static void put(std::string& out, std::string_view v) { quote(out, std::string(v)); } };
template <class T> struct To<std::optional<T>> {
  static void put(std::string& out, const std::optional<T>& v) { if (v) write(out, *v); else out += "null"; }
};
template <class A, class B> struct To<std::pair<A, B>> {
  static void put(std::string& out, const std::pair<A, B>& v) { out += '['; write(out, v.first); out += ','; write(out, v.second); out += ']'; }
};
template <class... T> struct To<std::tuple<T...>> {
  static void put(std::string& out, const std::tuple<T...>& v) {
    out += '[';
    size_t n = 0;
    std::apply([&](const auto&... item) { ((out += (n++ ? "," : ""), write(out, item)), ...); }, v);
    out += ']';
  }
};
template <class K, class V, class... R> struct To<std::map<K, V, R...>> {
  static void put(std::string& out, const std::map<K, V, R...>& v) {
    out += '{'; bool first = true;
    for (const auto& [k, x] : v) { if (!first) out += ','; first = false; std::ostringstream key; key << k; quote(out, key.str()); out += ':'; write(out, x); }
    out += '}';
  }
};
template <class K, class V, class... R> struct To<std::unordered_map<K, V, R...>> {
  static void put(std::string& out, const std::unordered_map<K, V, R...>& v) {
    out += '{'; bool first = true;
    for (const auto& [k, x] : v) { if (!first) out += ','; first = false; std::ostringstream key; key << k; quote(out, key.str()); out += ':'; write(out, x); }
    out += '}';
  }
};
template <class C> struct Seq {
  static void put(std::string& out, const C& v) {
    out += '['; bool first = true;
    for (const auto& x : v) { if (!first) out += ','; first = false; write(out, x); }
    out += ']';
  }
};
template <class T, class A> struct To<std::vector<T, A>> : Seq<std::vector<T, A>> {};
template <class T, size_t N> struct To<std::array<T, N>> : Seq<std::array<T, N>> {};
template <class T, class A> struct To<std::deque<T, A>> : Seq<std::deque<T, A>> {};
template <class T, class A> struct To<std::list<T, A>> : Seq<std::list<T, A>> {};
template <class T, class... R> struct To<std::set<T, R...>> : Seq<std::set<T, R...>> {};

// ---- the calls ---------------------------------------------------------------------------------
inline void emit(const std::string& line) {
  size_t done = 0;
  while (done < line.size()) {
    ssize_t n = ::write(3, line.data() + done, line.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

template <class R, class... A, size_t... I>
void call_one(R (*entry)(A...), const Json& args, std::string& out, std::index_sequence<I...>) {
  if (args.kind != Json::Arr || args.items.size() != sizeof...(A))
    throw std::invalid_argument("the function takes " + std::to_string(sizeof...(A)) + " arguments");
  if constexpr (std::is_void_v<R>) {
    entry(From<std::decay_t<A>>::get(args.items[I])...);
    out += "null";
  } else {
    write(out, entry(From<std::decay_t<A>>::get(args.items[I])...));
  }
}

template <class R, class... A>
int run_tests(R (*entry)(A...)) {
  std::ifstream file("/src/args.json");
  std::stringstream text;
  text << file.rdbuf();
  Json calls = Reader(text.str()).parse();
  for (size_t i = 0; i < calls.items.size(); i++) {
    std::string line = "{\"i\":" + std::to_string(i);
    auto started = std::chrono::steady_clock::now();
    std::string value;
    std::string error;
    try {
      call_one(entry, calls.items[i], value, std::index_sequence_for<A...>{});
    } catch (const std::exception& e) {
      error = std::string(e.what()).empty() ? "exception" : e.what();
    } catch (...) {
      error = "an exception that is not a std::exception";
    }
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    line += ",\"ms\":" + std::to_string(ms);
    if (error.empty()) {
      line += ",\"value\":" + value;
    } else {
      line += ",\"error\":";
      quote(line, error);
    }
    line += "}\n";
    std::cout.flush();
    emit(line);
  }
  std::cout.flush();
  return 0;
}

}  // namespace mockloop
