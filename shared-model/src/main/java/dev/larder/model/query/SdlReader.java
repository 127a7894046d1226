package dev.larder.model.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads the {@code input}, {@code enum} and {@code scalar} definitions (and their {@code extend}s) out of GraphQL
 * SDL text and skips every other definition, so it reads Larder's contract and Stash's whole schema alike.
 * Descriptions, comments and directives are tolerated; of the directives only {@code @deprecated} is kept. It does
 * not validate what it skips. A list of lists, which neither schema has, is refused because
 * {@link FilterContract.TypeRef} cannot describe it. One instance reads one set of sources; not thread-safe.
 */
final class SdlReader {

    private static final Set<String> DEFINITION_KEYWORDS =
            Set.of("schema", "scalar", "type", "interface", "union", "enum", "input", "directive", "extend");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<String, Definitions.Field>> inputs = new LinkedHashMap<>();
    private final Map<String, List<String>> enumValues = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> enumDeprecations = new LinkedHashMap<>();
    private final Set<String> scalars = new LinkedHashSet<>();
    // extensions wait until every source is read: a file may extend a type that a later file defines
    private final List<Runnable> extensions = new ArrayList<>();

    private List<Token> tokens;
    private int at;

    private SdlReader() {
    }

    /**
     * Reads SDL sources as one schema.
     *
     * @param sources the texts by a name used in error messages (a file name), in reading order
     * @return the definitions found
     * @throws IllegalArgumentException on a syntax error (naming source, line and column), a type defined twice, a
     *                                  field or enum value repeated, or an extension of an undefined type
     */
    static Definitions read(Map<String, String> sources) {
        SdlReader reader = new SdlReader();
        sources.forEach((name, text) -> {
            reader.tokens = new Tokenizer(name, text).tokens();
            reader.at = 0;
            while (reader.peek().kind != Kind.END) {
                reader.definition();
            }
        });
        reader.extensions.forEach(Runnable::run);
        return reader.definitions();
    }

    private Definitions definitions() {
        Map<String, Definitions.Input> in = new LinkedHashMap<>();
        inputs.forEach((name, fields) -> in.put(name, new Definitions.Input(name, frozen(fields))));
        Map<String, Definitions.EnumType> en = new LinkedHashMap<>();
        enumValues.forEach((name, values) -> en.put(name, new Definitions.EnumType(name,
                List.copyOf(values), frozen(enumDeprecations.get(name)))));
        return new Definitions(frozen(in), frozen(en), Collections.unmodifiableSet(new LinkedHashSet<>(scalars)));
    }

    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private void definition() {
        if (peek().kind == Kind.STRING) {
            next();
        }
        boolean extend = acceptName("extend");
        Token keyword = expect(Kind.NAME, "a definition");
        switch (keyword.text) {
            case "input" -> input(extend);
            case "enum" -> enumeration(extend);
            case "scalar" -> {
                scalars.add(name());
                directives();
            }
            default -> skipDefinition();
        }
    }

    private void input(boolean extend) {
        Token nameToken = peek();
        String name = name();
        directives();
        Map<String, Definitions.Field> fields = new LinkedHashMap<>();
        if (accept("{")) {
            while (!accept("}")) {
                Token fieldToken = peek();
                Definitions.Field field = field();
                if (fields.putIfAbsent(field.name(), field) != null) {
                    throw fieldToken.error("field " + name + "." + field.name() + " is defined twice");
                }
            }
        }
        if (extend) {
            extensions.add(() -> merge(inputs, name, fields, nameToken, "field"));
        } else if (inputs.putIfAbsent(name, fields) != null) {
            throw nameToken.error("input " + name + " is defined twice");
        }
    }

    private void enumeration(boolean extend) {
        Token nameToken = peek();
        String name = name();
        directives();
        Set<String> values = new LinkedHashSet<>();
        Map<String, String> deprecations = new LinkedHashMap<>();
        if (accept("{")) {
            while (!accept("}")) {
                if (peek().kind == Kind.STRING) {
                    next();
                }
                Token valueToken = peek();
                String value = name();
                if (!values.add(value)) {
                    throw valueToken.error("enum value " + name + "." + value + " is defined twice");
                }
                String deprecation = directives();
                if (deprecation != null) {
                    deprecations.put(value, deprecation);
                }
            }
        }
        if (extend) {
            extensions.add(() -> {
                merge(enumDeprecations, name, deprecations, nameToken, "value");
                List<String> base = enumValues.get(name);
                values.forEach(value -> {
                    if (base.contains(value)) {
                        throw nameToken.error("enum value " + name + "." + value + " is defined twice");
                    }
                    base.add(value);
                });
            });
        } else if (enumValues.putIfAbsent(name, new ArrayList<>(values)) != null) {
            throw nameToken.error("enum " + name + " is defined twice");
        } else {
            enumDeprecations.put(name, deprecations);
        }
    }

    private static <V> void merge(Map<String, Map<String, V>> into, String type, Map<String, V> more, Token where,
                                  String what) {
        Map<String, V> base = into.get(type);
        if (base == null) {
            throw where.error("extension of undefined type " + type);
        }
        more.forEach((key, value) -> {
            if (base.putIfAbsent(key, value) != null) {
                throw where.error(what + " " + type + "." + key + " is defined twice");
            }
        });
    }

    private Definitions.Field field() {
        if (peek().kind == Kind.STRING) {
            next();
        }
        String name = name();
        expect(":");
        boolean list = accept("[");
        Token typeToken = peek();
        if (list && "[".equals(typeToken.text)) {
            throw typeToken.error("a list of lists is not supported");
        }
        String typeName = name();
        boolean itemNonNull = list && accept("!");
        if (list) {
            expect("]");
        }
        boolean nonNull = accept("!");
        Value defaultValue = accept("=") ? value() : null;
        String deprecation = directives();
        FilterContract.TypeRef type = new FilterContract.TypeRef(typeName, list, nonNull, itemNonNull,
                defaultValue == null ? null : defaultValue.text);
        return new Definitions.Field(name, type, defaultValue == null ? null : defaultValue.json, deprecation);
    }

    /** Reads any directives; returns the reason of a {@code @deprecated} among them, else null. */
    private String directives() {
        String deprecation = null;
        while (accept("@")) {
            String directive = name();
            Map<String, Value> arguments = new LinkedHashMap<>();
            if (accept("(")) {
                while (!accept(")")) {
                    String argument = name();
                    expect(":");
                    arguments.put(argument, value());
                }
            }
            if ("deprecated".equals(directive)) {
                Value reason = arguments.get("reason");
                // the reason GraphQL's spec gives @deprecated when none is written
                deprecation = reason == null ? "No longer supported" : reason.json.asText();
            }
        }
        return deprecation;
    }

    /** A constant value: its JSON form (what coercion takes) and a canonical text (what a TypeRef shows). */
    private record Value(JsonNode json, String text) {
    }

    private Value value() {
        Token token = next();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token.kind) {
            case STRING -> new Value(nodes.textNode(token.text), nodes.textNode(token.text).toString());
            case NUMBER -> new Value(number(token), token.text);
            case NAME -> switch (token.text) {
                case "true", "false" -> new Value(nodes.booleanNode(token.text.equals("true")), token.text);
                case "null" -> new Value(nodes.nullNode(), token.text);
                default -> new Value(nodes.textNode(token.text), token.text);
            };
            case PUNCT -> switch (token.text) {
                case "[" -> {
                    ArrayNode array = nodes.arrayNode();
                    StringJoiner text = new StringJoiner(", ", "[", "]");
                    while (!accept("]")) {
                        Value item = value();
                        array.add(item.json);
                        text.add(item.text);
                    }
                    yield new Value(array, text.toString());
                }
                case "{" -> {
                    ObjectNode object = nodes.objectNode();
                    StringJoiner text = new StringJoiner(", ", "{", "}");
                    while (!accept("}")) {
                        String key = name();
                        expect(":");
                        Value item = value();
                        object.set(key, item.json);
                        text.add(key + ": " + item.text);
                    }
                    yield new Value(object, text.toString());
                }
                default -> throw token.error("expected a constant value");
            };
            case END -> throw token.error("expected a constant value");
        };
    }

    private static JsonNode number(Token token) {
        try {
            // GraphQL's number syntax is JSON's, and a client's JSON is parsed by the same reader
            return JSON.readTree(token.text);
        } catch (JsonProcessingException e) {
            throw token.error("malformed number " + token.text);
        }
    }

    /** Skips a definition Larder does not read, up to the start of the next one at the outermost level. */
    private void skipDefinition() {
        int depth = 0;
        while (peek().kind != Kind.END) {
            Token token = peek();
            if (depth == 0 && (token.kind == Kind.STRING
                    || token.kind == Kind.NAME && DEFINITION_KEYWORDS.contains(token.text))) {
                return;
            }
            next();
            if (token.kind == Kind.PUNCT) {
                switch (token.text) {
                    case "{", "(", "[" -> depth++;
                    case "}", ")", "]" -> depth--;
                    default -> {
                    }
                }
            }
        }
    }

    private String name() {
        return expect(Kind.NAME, "a name").text;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind != Kind.END) {
            at++;
        }
        return token;
    }

    private boolean accept(String punctuator) {
        if (peek().kind == Kind.PUNCT && peek().text.equals(punctuator)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean acceptName(String name) {
        if (peek().kind == Kind.NAME && peek().text.equals(name)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String punctuator) {
        if (!accept(punctuator)) {
            throw peek().error("expected '" + punctuator + "'");
        }
    }

    private Token expect(Kind kind, String what) {
        if (peek().kind != kind) {
            throw peek().error("expected " + what);
        }
        return next();
    }

    private enum Kind { NAME, NUMBER, STRING, PUNCT, END }

    /** A token; a string's text is its value, escapes and block indentation resolved. */
    private record Token(Kind kind, String text, String source, int line, int column) {
        IllegalArgumentException error(String message) {
            String found = kind == Kind.END ? "the end" : "'" + text + "'";
            return new IllegalArgumentException(
                    source + ":" + line + ":" + column + ": " + message + " (at " + found + ")");
        }
    }

    private static final class Tokenizer {
        private final String source;
        private final String text;
        private int pos;
        private int line = 1;
        private int lineStart;

        Tokenizer(String source, String text) {
            this.source = source;
            this.text = text;
        }

        List<Token> tokens() {
            List<Token> tokens = new ArrayList<>();
            while (true) {
                skipIgnored();
                if (pos >= text.length()) {
                    tokens.add(token(Kind.END, "", pos));
                    return tokens;
                }
                tokens.add(nextToken());
            }
        }

        /** Whitespace, commas, comments and a byte order mark carry no meaning in GraphQL. */
        private void skipIgnored() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\n') {
                    newLine(pos + 1);
                } else if (c == '#') {
                    while (pos < text.length() && text.charAt(pos) != '\n') {
                        pos++;
                    }
                    continue;
                } else if (c != ' ' && c != '\t' && c != '\r' && c != ',' && c != '\uFEFF') {
                    return;
                }
                pos++;
            }
        }

        private void newLine(int start) {
            line++;
            lineStart = start;
        }

        private Token nextToken() {
            int start = pos;
            char c = text.charAt(pos);
            if (c == '_' || c < 128 && Character.isLetter(c)) {
                while (pos < text.length() && isNameChar(text.charAt(pos))) {
                    pos++;
                }
                return token(Kind.NAME, text.substring(start, pos), start);
            }
            if (c == '-' || c >= '0' && c <= '9') {
                pos++;
                while (pos < text.length() && isNumberChar(text.charAt(pos), text.charAt(pos - 1))) {
                    pos++;
                }
                // taken loosely here; the JSON parser that reads the number refuses a malformed one
                return token(Kind.NUMBER, text.substring(start, pos), start);
            }
            if (c == '"') {
                return text.startsWith("\"\"\"", pos) ? blockString(start) : string(start);
            }
            if (text.startsWith("...", pos)) {
                pos += 3;
                return token(Kind.PUNCT, "...", start);
            }
            if ("!$&()/:=@[]{}|".indexOf(c) >= 0) {
                pos++;
                return token(Kind.PUNCT, String.valueOf(c), start);
            }
            throw token(Kind.PUNCT, String.valueOf(c), start).error("unexpected character");
        }

        private static boolean isNameChar(char c) {
            return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
        }

        private static boolean isNumberChar(char c, char previous) {
            return isNameChar(c) || c == '.' || (c == '+' || c == '-') && (previous == 'e' || previous == 'E');
        }

        private Token string(int start) {
            StringBuilder value = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length() || text.charAt(pos) == '\n') {
                    throw token(Kind.STRING, value.toString(), start).error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return token(Kind.STRING, value.toString(), start);
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = pos < text.length() ? text.charAt(pos++) : '?';
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw token(Kind.STRING, value.toString(), start).error("bad unicode escape");
                        }
                        value.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw token(Kind.STRING, value.toString(), start).error("bad escape \\" + escaped);
                }
            }
        }

        private Token blockString(int start) {
            int startLine = line;
            int startColumn = start - lineStart + 1;
            int end = text.indexOf("\"\"\"", start + 3);
            while (end > 0 && text.charAt(end - 1) == '\\') {
                end = text.indexOf("\"\"\"", end + 3);
            }
            if (end < 0) {
                throw token(Kind.STRING, "", start).error("unterminated block string");
            }
            String raw = text.substring(start + 3, end).replace("\\\"\"\"", "\"\"\"");
            for (int i = start; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    newLine(i + 1);
                }
            }
            pos = end + 3;
            // block strings are descriptions in both schemas and never compared, so the spec's indentation rules
            // are reduced to a trim
            return new Token(Kind.STRING, raw.strip(), source, startLine, startColumn);
        }

        private Token token(Kind kind, String value, int start) {
            return new Token(kind, value, source, line, start - lineStart + 1);
        }
    }
}
