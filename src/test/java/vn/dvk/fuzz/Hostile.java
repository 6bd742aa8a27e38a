package vn.dvk.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Hostile values for the fuzz tests, drawn from a seeded {@link Random} so that every run with the same seed
 * sends the same requests. Values are JSON nodes (some of them raw JSON text that no serializer would write:
 * {@code NaN}, {@code 1e999}, lone surrogates) or, for query parameters, plain strings.
 */
final class Hostile {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Text that is awkward for a parser, a database, a log, a page or a file system. */
    static final List<String> STRINGS = List.of(
            "",
            " ",
            "\t\n ",
            "null",
            "undefined",
            "true",
            "0",
            "-1",
            "1e309",
            "NaN",
            "Infinity",
            "0x1F",
            "99999999999999999999999999",
            "-9223372036854775809",
            "1.5",
            "２０２４",
            "٢٠٢٤",
            "Dân vận khéo",
            "Da\u0302n va\u0323\u0302n khe\u0301o",
            "A\u0301\u0300\u0303\u0309\u0323\u0301\u0301\u0301",
            "\u202Eolleh\u202C",
            "مرحبا بالعالم",
            "שלום",
            "\u200B\u200C\u200D\uFEFF",
            "😀👨‍👩‍👧‍👦🇻🇳",
            "\u0000",
            "a\u0000b",
            "\u0001\u0002\u0007\u001B[31m",
            "line\r\nInjected: yes",
            "\u2028\u2029",
            "' OR '1'='1",
            "'; DROP TABLE model; --",
            "\" OR \"\"=\"",
            "1; SELECT pg_sleep(5)--",
            "%' AND 1=1 AND '%'='",
            "\\",
            "\\'",
            "%",
            "_",
            "%%__\\\\",
            "*",
            "?",
            "$where",
            "{\"$gt\":\"\"}",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "${7*7}",
            "#{7*7}",
            "{{7*7}}",
            "*{T(java.lang.Runtime).getRuntime()}",
            "${jndi:ldap://x/a}",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "/dev/zero",
            "file:///etc/passwd",
            "CON",
            "aux.txt",
            "2024-02-30",
            "2024-13-01",
            "0000-00-00",
            "30/02/2024",
            "31/12/2024",
            "2024-06-30T25:61:00",
            "+999999999-12-31",
            "-999999999-01-01",
            "2024-6-3",
            "20240630",
            "ECONOMY",
            "economy",
            "MINING",
            "ECONOMY ",
            "ÉCONOMY",
            "DRAFT",
            "RECOGNIZED");

    private Hostile() {}

    static String hugeString(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "x".repeat(100_001);
            case 1 -> "Dân vận khéo ".repeat(2_000);
            case 2 -> "ệ".repeat(5_001);
            default -> "a".repeat(501 + r.nextInt(600));
        };
    }

    static String string(Random r) {
        return r.nextInt(12) == 0 ? hugeString(r) : STRINGS.get(r.nextInt(STRINGS.size()));
    }

    /** A hostile JSON value of any type, to put where any field is expected. */
    static JsonNode value(Random r) {
        return switch (r.nextInt(16)) {
            case 0, 1, 2, 3, 4 -> F.stringNode(string(r));
            case 5 -> F.nullNode();
            case 6 ->
                F.numberNode(
                        List.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L, -2147483649L, 1800L, 2101L, 9999L)
                                .get(r.nextInt(9)));
            case 7 ->
                F.numberNode(List.of(-0.0, 1e308, -1e308, 1.5, 4.9e-324, 2024.5).get(r.nextInt(6)));
            case 8 ->
                F.rawValueNode(new RawValue(List.of(
                                "NaN",
                                "Infinity",
                                "-Infinity",
                                "1e999",
                                "123456789012345678901234567890",
                                "-0",
                                "0.0000000000000000000001")
                        .get(r.nextInt(7))));
            case 9 ->
                F.rawValueNode(new RawValue(List.of("\"\\ud800\"", "\"\\udfff abc\"", "\"\\u0000\"", "\"a\\u0000b\"")
                        .get(r.nextInt(4))));
            case 10 -> F.booleanNode(r.nextBoolean());
            case 11 -> {
                ArrayNode a = F.arrayNode();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(r.nextBoolean() ? F.nullNode() : F.stringNode(string(r)));
                }
                yield a;
            }
            case 12 -> {
                ObjectNode o = F.objectNode();
                o.set("a", F.nullNode());
                if (r.nextBoolean()) {
                    o.set("b", F.objectNode().set("c", F.nullNode()));
                }
                yield o;
            }
            case 13 -> F.arrayNode().add(F.objectNode().set("x", F.arrayNode().add(F.nullNode())));
            case 14 -> {
                // deep nesting, written as raw text (the serializer itself stops at 500 levels)
                int depth = r.nextBoolean() ? 50 : 1_200;
                yield F.rawValueNode(new RawValue("[".repeat(depth) + "null" + "]".repeat(depth)));
            }
            default -> F.objectNode();
        };
    }

    /** A body that is not the expected JSON object at all. */
    static String wholeBody(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "[]";
            case 3 -> "[{}]";
            case 4 -> "\"chuỗi\"";
            case 5 -> "42";
            case 6 -> "{";
            case 7 -> "{\"a\":1,}";
            case 8 -> "{'title':'x'}";
            case 9 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 10 -> "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
            default -> "\u0000\u0001\u0002";
        };
    }

    /**
     * A hostile path variable that reaches the application: the servlet container itself refuses encoded slashes,
     * backslashes and the like with its own 400 page before any application code runs.
     */
    static String pathSegment(Random r) {
        return List.of(
                        "abc",
                        "-1",
                        "0",
                        "99999999999999999999",
                        "-9223372036854775809",
                        "1.5",
                        "NaN",
                        "1e309",
                        "٢٠٢٤",
                        "Dân vận khéo",
                        "' OR '1'='1",
                        "<script>",
                        "${7*7}",
                        "_",
                        "x".repeat(400),
                        "9223372036854775807")
                .get(r.nextInt(16));
    }

    /** A hostile value for a query parameter or a path segment (before URL encoding). */
    static String param(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> hugeString(r).substring(0, 500);
            case 1 ->
                String.valueOf(List.of(-1, 0, Integer.MAX_VALUE, Integer.MIN_VALUE, 1800, 2101)
                        .get(r.nextInt(6)));
            case 2 ->
                List.of("99999999999999999999", "-9223372036854775809", "1e309", "NaN", "0x10", "1.5")
                        .get(r.nextInt(6));
            default -> STRINGS.get(r.nextInt(STRINGS.size()));
        };
    }

    /** A file name a careless or hostile sender gives: traversal, control characters, no or a double extension. */
    static String fileName(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> "../../../../etc/passwd";
            case 1 -> "..\\..\\windows\\win.ini";
            case 2 -> "anh.png.exe";
            case 3 -> "";
            case 4 -> "a".repeat(300) + ".png";
            case 5 -> "ảnh hiện trường 😀.jpg";
            case 6 -> "\u202Egnp.exe";
            case 7 -> "CON.png";
            case 8 -> ".htaccess";
            default -> "bao-cao.pdf";
        };
    }

    /** File contents that are not what they claim: empty, a program, a script, a broken image, a zip of a bomb. */
    static byte[] fileBytes(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> vn.dvk.support.Multipart.windowsProgram();
            case 2 -> "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            case 3 -> Arrays.copyOf(vn.dvk.support.Multipart.png(), 20);
            case 4 -> vn.dvk.support.Multipart.zip("a.txt", "0".repeat(200_000));
            case 5 -> vn.dvk.support.Multipart.jpeg();
            case 6 -> vn.dvk.support.Multipart.pdf();
            default -> {
                byte[] noise = new byte[1 + r.nextInt(4096)];
                r.nextBytes(noise);
                yield noise;
            }
        };
    }
}
