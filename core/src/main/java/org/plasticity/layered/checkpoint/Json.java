package org.plasticity.layered.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of JSON (RFC 8259) a checkpoint's {@code meta.json} needs, written and read here because the core
 * module depends on no serialisation library. Values map to Java as: object - {@code LinkedHashMap<String, Object>}
 * (key order kept), array - {@code List<Object>}, string - {@code String}, number - {@code Long} when written without
 * fraction or exponent and within range, else {@code Double}, {@code true}/{@code false} - {@code Boolean},
 * {@code null} - {@code null}. Numbers are written so that they read back to the same double ({@link
 * Double#toString}); non-finite numbers have no JSON form and are written as {@code null}.
 */
final class Json {
    /** Deeper nesting than any meta.json has: refused, so that a hostile file cannot overflow the stack. */
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** Thrown for text that is not JSON; the message gives the character offset. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    /** @return the value {@code text} holds (nothing but white space may follow it) */
    static Object parse(String text) throws SyntaxException {
        Json p = new Json(text);
        Object v = p.value(0);
        p.space();
        if (p.at != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    private SyntaxException error(String what) {
        return new SyntaxException(what + " at character " + at);
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private Object value(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        space();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Object literal(String word, Object v) throws SyntaxException {
        if (!text.startsWith(word, at)) {
            throw error("unexpected character '" + text.charAt(at) + "'");
        }
        at += word.length();
        return v;
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        Map<String, Object> m = new LinkedHashMap<>();
        at++;
        space();
        if (at < text.length() && text.charAt(at) == '}') {
            at++;
            return m;
        }
        while (true) {
            space();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw error("expected a key in quotes");
            }
            String key = string();
            space();
            expect(':');
            if (m.containsKey(key)) {
                throw error("key \"" + key + "\" given twice");
            }
            m.put(key, value(depth + 1));
            space();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) throws SyntaxException {
        List<Object> a = new ArrayList<>();
        at++;
        space();
        if (at < text.length() && text.charAt(at) == ']') {
            at++;
            return a;
        }
        while (true) {
            a.add(value(depth + 1));
            space();
            if (at < text.length() && text.charAt(at) == ',') {
                at++;
                continue;
            }
            expect(']');
            return a;
        }
    }

    private void expect(char c) throws SyntaxException {
        if (at >= text.length() || text.charAt(at) != c) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private String string() throws SyntaxException {
        at++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    at += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private Object number() throws SyntaxException {
        int start = at;
        if (at < text.length() && text.charAt(at) == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == digits || (text.charAt(digits) == '0' && at - digits > 1)) {
            at = start;
            throw error("not a JSON value");
        }
        boolean integral = true;
        if (at < text.length() && text.charAt(at) == '.') {
            integral = false;
            at++;
            int f = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == f) {
                throw error("digits expected after '.'");
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            integral = false;
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
            }
            int x = at;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            if (at == x) {
                throw error("digits expected in the exponent");
            }
        }
        String s = text.substring(start, at);
        if (integral) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                // beyond a long: read as a double below
            }
        }
        return Double.parseDouble(s);
    }

    /** @return {@code v} (built from the types above) as indented JSON text, objects' keys in their map order. */
    static String write(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v, "");
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(indent).append("  ");
                quote(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), indent + "  ");
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (v instanceof List<?> a) {
            // Arrays here are short lists of numbers (layer sizes): one line reads best.
            b.append('[');
            for (int i = 0; i < a.size(); i++) {
                b.append(i == 0 ? "" : ", ");
                write(b, a.get(i), indent);
            }
            b.append(']');
        } else if (v instanceof String s) {
            quote(b, s);
        } else if (v instanceof Double d) {
            b.append(Double.isFinite(d) ? d.toString() : "null");
        } else if (v instanceof Float f) {
            write(b, (double) f, indent); // the float's exact value, which reads back to the same float
        } else if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            b.append(v);
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getSimpleName());
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
