import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mockloop's test harness for Java, run inside the sandbox. Finds the entry method on the
 * candidate's class Solution, converts each test's JSON arguments to its parameter types, calls
 * it and writes one JSON line per call to file descriptor 3: the returned value or the error.
 * Pass or fail is decided by the server from these values; expected values never come here.
 */
public final class MockloopHarness {
  private MockloopHarness() {}

  public static void main(String[] args) throws Exception {
    String entryName = args[0];
    OutputStream results = resultChannel();
    List<?> calls = (List<?>) new Json(Files.readString(Path.of("/src/args.json"))).parse();
    Class<?> solution;
    try {
      solution = Class.forName("Solution");
    } catch (ClassNotFoundException e) {
      System.err.println("Define a class named Solution with a method " + entryName + " to run the tests.");
      System.exit(1);
      return;
    }
    Method entry = null;
    for (Method m : solution.getDeclaredMethods()) {
      if (m.getName().equals(entryName)) entry = m;
    }
    if (entry == null) {
      System.err.println("Define a method named " + entryName + " in class Solution to run the tests.");
      System.exit(1);
      return;
    }
    entry.setAccessible(true);
    Type[] types = entry.getGenericParameterTypes();
    boolean isStatic = Modifier.isStatic(entry.getModifiers());
    for (int i = 0; i < calls.size(); i++) {
      long started = System.nanoTime();
      StringBuilder line = new StringBuilder("{\"i\":").append(i);
      try {
        List<?> callArgs = (List<?>) calls.get(i);
        if (callArgs.size() != types.length) {
          throw new IllegalArgumentException(
              entryName + " takes " + types.length + " arguments, the test gives " + callArgs.size());
        }
        Object[] converted = new Object[types.length];
        for (int a = 0; a < types.length; a++) converted[a] = convert(callArgs.get(a), types[a]);
        Object target = isStatic ? null : newInstance(solution);
        Object value = entry.invoke(target, converted);
        StringBuilder json = new StringBuilder();
        write(value, json, 0);
        line.append(",\"ms\":").append(millis(started)).append(",\"value\":").append(json);
      } catch (InvocationTargetException e) {
        line.append(",\"ms\":").append(millis(started)).append(",\"error\":");
        quote(describe(e.getCause()), line);
      } catch (Throwable e) {
        line.append(",\"ms\":").append(millis(started)).append(",\"error\":");
        quote(describe(e), line);
      }
      line.append("}\n");
      results.write(line.toString().getBytes(StandardCharsets.UTF_8));
      results.flush();
    }
    System.out.flush();
    results.close();
  }

  /**
   * File descriptor 3, where results go (a socket the server reads; /proc/self/fd/3 cannot reopen
   * a socket). java.io has no public way to wrap a descriptor number, hence the one --add-opens.
   */
  private static OutputStream resultChannel() throws ReflectiveOperationException {
    FileDescriptor descriptor = new FileDescriptor();
    Field number = FileDescriptor.class.getDeclaredField("fd");
    number.setAccessible(true);
    number.setInt(descriptor, 3);
    return new FileOutputStream(descriptor);
  }

  private static String millis(long started) {
    return Double.toString((System.nanoTime() - started) / 1e6);
  }

  private static Object newInstance(Class<?> type) throws Exception {
    Constructor<?> constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  /** The exception and the line of Solution.java it came from, as the editor counts lines. */
  private static String describe(Throwable error) {
    String text = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    for (StackTraceElement frame : error.getStackTrace()) {
      if (frame.getFileName() != null && !frame.getFileName().equals("MockloopHarness.java")
          && frame.getClassName().startsWith("Solution") && frame.getLineNumber() > 0) {
        return text + " (line " + frame.getLineNumber() + ")";
      }
    }
    return text;
  }

  // ---- JSON to the parameter's Java type --------------------------------------------------

  static Object convert(Object json, Type type) {
    if (type instanceof Class<?> c) return convertToClass(json, c);
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] params = p.getActualTypeArguments();
      if (Map.class.isAssignableFrom(raw)) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : asObject(json).entrySet()) out.put((String) e.getKey(), convert(e.getValue(), params[1]));
        return raw.isInterface() || raw == LinkedHashMap.class ? out : copyInto(raw, out);
      }
      if (Collection.class.isAssignableFrom(raw)) {
        Collection<Object> out = Set.class.isAssignableFrom(raw) ? new HashSet<>() : new ArrayList<>();
        for (Object item : asArray(json)) out.add(convert(item, params[0]));
        return out;
      }
      return convertToClass(json, raw);
    }
    if (type instanceof GenericArrayType g) {
      List<?> items = asArray(json);
      Class<?> component = erase(g.getGenericComponentType());
      Object array = Array.newInstance(component, items.size());
      for (int i = 0; i < items.size(); i++) Array.set(array, i, convert(items.get(i), g.getGenericComponentType()));
      return array;
    }
    return json;
  }

  private static Object copyInto(Class<?> raw, Map<String, Object> values) {
    return values instanceof HashMap ? values : new HashMap<>(values);
  }

  private static Class<?> erase(Type type) {
    if (type instanceof Class<?> c) return c;
    if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
    if (type instanceof GenericArrayType g) return Array.newInstance(erase(g.getGenericComponentType()), 0).getClass();
    return Object.class;
  }

  private static Object convertToClass(Object json, Class<?> c) {
    if (c == int.class || c == Integer.class) return Math.toIntExact(asLong(json));
    if (c == long.class || c == Long.class) return asLong(json);
    if (c == double.class || c == Double.class) return asNumber(json).doubleValue();
    if (c == float.class || c == Float.class) return asNumber(json).floatValue();
    if (c == short.class || c == Short.class) return (short) Math.toIntExact(asLong(json));
    if (c == boolean.class || c == Boolean.class) {
      if (!(json instanceof Boolean b)) throw new IllegalArgumentException("expected a boolean, got " + kind(json));
      return b;
    }
    if (c == String.class) {
      if (!(json instanceof String s)) throw new IllegalArgumentException("expected a string, got " + kind(json));
      return s;
    }
    if (c == char.class || c == Character.class) {
      String s = (String) convertToClass(json, String.class);
      if (s.length() != 1) throw new IllegalArgumentException("expected one character, got \"" + s + "\"");
      return s.charAt(0);
    }
    if (c.isArray()) {
      List<?> items = asArray(json);
      Object array = Array.newInstance(c.getComponentType(), items.size());
      for (int i = 0; i < items.size(); i++) Array.set(array, i, convertToClass(items.get(i), c.getComponentType()));
      return array;
    }
    if (c.isRecord()) return record(json, c);
    if (List.class.isAssignableFrom(c) || c == Collection.class) return new ArrayList<>(asArray(json));
    if (Map.class.isAssignableFrom(c)) return asObject(json);
    if (c == Object.class) return json;
    throw new IllegalArgumentException("cannot pass a test value as " + c.getSimpleName());
  }

  /** A record from a JSON array (its components in order, as a tuple) or an object (by name). */
  private static Object record(Object json, Class<?> c) {
    RecordComponent[] components = c.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    if (json instanceof List<?> items) {
      if (items.size() != components.length) {
        throw new IllegalArgumentException(c.getSimpleName() + " has " + components.length + " fields, the value " + items.size());
      }
      for (int i = 0; i < components.length; i++) values[i] = convert(items.get(i), components[i].getGenericType());
    } else {
      Map<?, ?> fields = asObject(json);
      for (int i = 0; i < components.length; i++) values[i] = convert(fields.get(components[i].getName()), components[i].getGenericType());
    }
    for (int i = 0; i < components.length; i++) types[i] = components[i].getType();
    try {
      Constructor<?> constructor = c.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot build a " + c.getSimpleName() + ": " + e);
    }
  }

  private static long asLong(Object json) {
    if (json instanceof Long l) return l;
    throw new IllegalArgumentException("expected a whole number, got " + kind(json));
  }

  private static Number asNumber(Object json) {
    if (json instanceof Number n) return n;
    throw new IllegalArgumentException("expected a number, got " + kind(json));
  }

  private static List<?> asArray(Object json) {
    if (json instanceof List<?> l) return l;
    throw new IllegalArgumentException("expected an array, got " + kind(json));
  }

  private static Map<?, ?> asObject(Object json) {
    if (json instanceof Map<?, ?> m) return m;
    throw new IllegalArgumentException("expected an object, got " + kind(json));
  }

  private static String kind(Object json) {
    if (json == null) return "null";
    if (json instanceof List) return "an array";
    if (json instanceof Map) return "an object";
    if (json instanceof String) return "a string";
    if (json instanceof Boolean) return "a boolean";
    return "the number " + json;
  }

  // ---- the returned value to JSON ------------------------------------------------------------

  static void write(Object value, StringBuilder out, int depth) {
    if (depth > 64) throw new IllegalArgumentException("the result is nested too deeply");
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException(d + " is not a JSON number");
      out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
    } else if (value instanceof Number n) {
      out.append(n.toString());
    } else if (value instanceof CharSequence || value instanceof Character) {
      quote(value.toString(), out);
    } else if (value.getClass().isArray()) {
      out.append('[');
      int n = Array.getLength(value);
      for (int i = 0; i < n; i++) {
        if (i > 0) out.append(',');
        write(Array.get(value, i), out, depth + 1);
      }
      out.append(']');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) out.append(',');
        first = false;
        write(item, out, depth + 1);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) out.append(',');
        first = false;
        quote(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out, depth + 1);
      }
      out.append('}');
    } else if (value.getClass().isRecord()) {
      out.append('[');
      RecordComponent[] components = value.getClass().getRecordComponents();
      for (int i = 0; i < components.length; i++) {
        if (i > 0) out.append(',');
        try {
          Method accessor = components[i].getAccessor();
          accessor.setAccessible(true);
          write(accessor.invoke(value), out, depth + 1);
        } catch (ReflectiveOperationException e) {
          throw new IllegalArgumentException("cannot read " + components[i].getName());
        }
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("a " + value.getClass().getSimpleName() + " cannot be turned into JSON");
    }
  }

  static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }

  /** A small strict JSON reader: numbers that are whole become Long, others Double. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object parse() {
      Object value = value(0);
      space();
      if (i != s.length()) throw error("trailing characters");
      return value;
    }

    private Object value(int depth) {
      if (depth > 256) throw error("nested too deeply");
      space();
      if (i >= s.length()) throw error("unexpected end");
      char c = s.charAt(i);
      if (c == '{') return object(depth);
      if (c == '[') return array(depth);
      if (c == '"') return string();
      if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
      if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
      if (s.startsWith("null", i)) { i += 4; return null; }
      return number();
    }

    private Map<String, Object> object(int depth) {
      Map<String, Object> out = new LinkedHashMap<>();
      i++;
      space();
      if (peek() == '}') { i++; return out; }
      for (;;) {
        space();
        String key = string();
        space();
        expect(':');
        out.put(key, value(depth + 1));
        space();
        if (peek() == ',') { i++; continue; }
        expect('}');
        return out;
      }
    }

    private List<Object> array(int depth) {
      List<Object> out = new ArrayList<>();
      i++;
      space();
      if (peek() == ']') { i++; return out; }
      for (;;) {
        out.add(value(depth + 1));
        space();
        if (peek() == ',') { i++; continue; }
        expect(']');
        return out;
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      for (;;) {
        if (i >= s.length()) throw error("unterminated string");
        char c = s.charAt(i++);
        if (c == '"') return out.toString();
        if (c != '\\') { out.append(c); continue; }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> { out.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
          default -> out.append(e);
        }
      }
    }

    private Object number() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
      String text = s.substring(start, i);
      if (text.isEmpty()) throw error("unexpected character");
      if (text.matches("-?\\d+")) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          return Double.parseDouble(text);
        }
      }
      return Double.parseDouble(text);
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) throw error("expected '" + c + "'");
      i++;
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private IllegalArgumentException error(String why) {
      return new IllegalArgumentException("bad test data at " + i + ": " + why);
    }
  }
}
