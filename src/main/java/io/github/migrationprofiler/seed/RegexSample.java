package io.github.migrationprofiler.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strings that match a regular expression, for {@code CHECK (code ~ '^[A-Z]{3}-\d+$')}: literals,
 * classes ({@code [a-z0-9_]}, {@code [^…]}, {@code [[:alpha:]]}, {@code \d \w \s}), {@code .},
 * groups with alternation and the usual quantifiers. A pattern with anything else (back
 * references, lookaround) is declined, and the database tests the values instead. Each choice
 * takes the next digit of a number, so consecutive numbers give distinct strings: unique columns
 * pass their row number.
 */
final class RegexSample {

    private static final String PRINTABLE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_. ";

    private interface Node {
        void generate(Digits digits, StringBuilder out);
    }

    private final Node root;

    private RegexSample(Node root) {
        this.root = root;
    }

    /** A sampler for {@code regex}, or empty when the pattern uses what this class does not generate. */
    static Optional<RegexSample> of(String regex) {
        try {
            Parser parser = new Parser(regex);
            Node node = parser.alternation();
            return parser.pos == regex.length() ? Optional.of(new RegexSample(node)) : Optional.empty();
        } catch (IllegalArgumentException unsupported) {
            return Optional.empty();
        }
    }

    /** The {@code number}-th string: distinct numbers from 0 up give distinct strings as far as the pattern allows. */
    String nth(long number) {
        StringBuilder out = new StringBuilder();
        root.generate(new Digits(number, false), out);
        return out.toString();
    }

    /** A string drawn by random {@code bits}. */
    String random(long bits) {
        StringBuilder out = new StringBuilder();
        root.generate(new Digits(bits >>> 1, true), out);
        return out.toString();
    }

    /** A number read digit by digit in whatever base each choice needs; random draws mix in more digits once it runs out. */
    private static final class Digits {
        private long rest;
        private long refill;

        Digits(long number, boolean random) {
            this.rest = number;
            this.refill = random ? number | 1 : 0;
        }

        int next(int choices) {
            if (choices <= 1) {
                return 0;
            }
            if (rest == 0 && refill != 0) {
                refill = Noise.at(refill, 1, 99);
                rest = refill >>> 1;
            }
            int digit = (int) Math.floorMod(rest, (long) choices);
            rest = Math.floorDiv(rest, choices);
            return digit;
        }
    }

    private static final class Parser {
        private final String re;
        private int pos;

        Parser(String re) {
            this.re = re;
        }

        Node alternation() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                options.add(sequence());
            }
            if (options.size() == 1) {
                return options.get(0);
            }
            return (digits, out) -> options.get(digits.next(options.size())).generate(digits, out);
        }

        private Node sequence() {
            List<Node> items = new ArrayList<>();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                Node atom = atom();
                items.add(quantified(atom));
            }
            return (digits, out) -> items.forEach(item -> item.generate(digits, out));
        }

        private Node atom() {
            char c = re.charAt(pos++);
            switch (c) {
                case '^', '$' -> {
                    return (digits, out) -> { };
                }
                case '.' -> {
                    return chars(PRINTABLE.substring(0, 62));
                }
                case '(' -> {
                    if (re.startsWith("?:", pos)) {
                        pos += 2;
                    } else if (pos < re.length() && re.charAt(pos) == '?') {
                        throw new IllegalArgumentException("lookaround");
                    }
                    Node inner = alternation();
                    expect(')');
                    return inner;
                }
                case '[' -> {
                    return charClass();
                }
                case '\\' -> {
                    return escape();
                }
                case '*', '+', '?', '{', ')' -> throw new IllegalArgumentException("quantifier without atom");
                default -> {
                    return literal(String.valueOf(c));
                }
            }
        }

        private Node escape() {
            if (pos >= re.length()) {
                throw new IllegalArgumentException("trailing backslash");
            }
            char e = re.charAt(pos++);
            return switch (e) {
                case 'd' -> chars("0123456789");
                case 'w' -> chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
                case 's' -> literal(" ");
                case 'D' -> chars("abcxyz");
                case 'W' -> chars("-. ");
                case 'S' -> chars("abcxyz019");
                case 'A', 'Z', 'm', 'M', 'y', 'Y', 'b', 'B' -> (digits, out) -> { }; // anchors and word boundaries
                case 'n' -> literal("\n");
                case 't' -> literal("\t");
                default -> {
                    if (Character.isDigit(e)) {
                        throw new IllegalArgumentException("back reference");
                    }
                    yield literal(String.valueOf(e));
                }
            };
        }

        private Node charClass() {
            boolean negated = pos < re.length() && re.charAt(pos) == '^';
            if (negated) {
                pos++;
            }
            StringBuilder set = new StringBuilder();
            boolean first = true;
            while (pos < re.length() && (re.charAt(pos) != ']' || first)) {
                first = false;
                if (re.startsWith("[:", pos)) {
                    int end = re.indexOf(":]", pos);
                    if (end < 0) {
                        throw new IllegalArgumentException("class");
                    }
                    set.append(posix(re.substring(pos + 2, end)));
                    pos = end + 2;
                    continue;
                }
                char c = re.charAt(pos++);
                if (c == '\\' && pos < re.length()) {
                    char e = re.charAt(pos++);
                    set.append(switch (e) {
                        case 'd' -> "0123456789";
                        case 'w' -> "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
                        case 's' -> " ";
                        default -> String.valueOf(e);
                    });
                } else if (pos + 1 < re.length() && re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                    char to = re.charAt(pos + 1);
                    pos += 2;
                    for (char x = c; x <= to; x++) {
                        set.append(x);
                    }
                } else {
                    set.append(c);
                }
            }
            expect(']');
            String chars = set.toString();
            if (negated) {
                StringBuilder allowed = new StringBuilder();
                PRINTABLE.chars().filter(ch -> chars.indexOf(ch) < 0).forEach(ch -> allowed.append((char) ch));
                if (allowed.isEmpty()) {
                    throw new IllegalArgumentException("empty class");
                }
                return chars(allowed.toString());
            }
            return chars(chars);
        }

        private static String posix(String name) {
            return switch (name) {
                case "alpha" -> "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
                case "digit" -> "0123456789";
                case "alnum", "word" -> "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
                case "upper" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                case "lower" -> "abcdefghijklmnopqrstuvwxyz";
                case "space", "blank" -> " ";
                case "xdigit" -> "0123456789abcdef";
                case "punct" -> "-_.";
                default -> throw new IllegalArgumentException("class " + name);
            };
        }

        private Node quantified(Node atom) {
            if (pos >= re.length()) {
                return atom;
            }
            int min;
            int max;
            char c = re.charAt(pos);
            if (c == '*') {
                min = 0;
                max = 3;
                pos++;
            } else if (c == '+') {
                min = 1;
                max = 4;
                pos++;
            } else if (c == '?') {
                min = 0;
                max = 1;
                pos++;
            } else if (c == '{' && pos + 1 < re.length() && Character.isDigit(re.charAt(pos + 1))) {
                int end = re.indexOf('}', pos);
                if (end < 0) {
                    throw new IllegalArgumentException("bound");
                }
                String[] bounds = re.substring(pos + 1, end).split(",", -1);
                min = Integer.parseInt(bounds[0].strip());
                max = bounds.length == 1 ? min : bounds[1].isBlank() ? min + 3 : Integer.parseInt(bounds[1].strip());
                max = Math.min(max, min + 8);
                pos = end + 1;
            } else {
                return atom;
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                pos++; // lazy or possessive: the same strings match
            }
            int low = min;
            int span = max - min + 1;
            return (digits, out) -> {
                int n = low + digits.next(span);
                for (int i = 0; i < n; i++) {
                    atom.generate(digits, out);
                }
            };
        }

        private void expect(char c) {
            if (pos >= re.length() || re.charAt(pos) != c) {
                throw new IllegalArgumentException("expected " + c);
            }
            pos++;
        }

        private static Node literal(String text) {
            return (digits, out) -> out.append(text);
        }

        private static Node chars(String set) {
            return (digits, out) -> out.append(set.charAt(digits.next(set.length())));
        }
    }
}
