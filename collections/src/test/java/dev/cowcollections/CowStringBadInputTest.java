package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input fails as {@code StringBuilder} (or, for the queries it lacks, {@code String}) fails
 * for the same call: the same exception class, a message that names the bad value, and the handle
 * unchanged, shared or not, narrow or wide.
 */
class CowStringBadInputTest {

    /** Both texts have five chars, so the same bad calls apply to each. */
    private static final String LATIN1 = "h\u00e9llo";
    private static final String WIDE = "h\u00e9l\ud83d\ude00";

    /** The same call on a CowString and on a StringBuilder, and what the message must name. */
    private record BadCall(Consumer<CowString> onHandle, Consumer<StringBuilder> onBuilder, String named) {
    }

    private static Arguments bad(String name, Consumer<CowString> onHandle, Consumer<StringBuilder> onBuilder, String named) {
        return Arguments.of(Named.of(name, new BadCall(onHandle, onBuilder, named)));
    }

    static Stream<Arguments> badCalls() {
        return Stream.of(
                // Queries
                bad("charAt(-1)", s -> s.charAt(-1), sb -> sb.charAt(-1), "-1"),
                bad("charAt(length)", s -> s.charAt(5), sb -> sb.charAt(5), "5"),
                bad("codePointAt(-1)", s -> s.codePointAt(-1), sb -> sb.codePointAt(-1), "-1"),
                bad("codePointAt(length)", s -> s.codePointAt(5), sb -> sb.codePointAt(5), "5"),
                bad("codePointBefore(0)", s -> s.codePointBefore(0), sb -> sb.codePointBefore(0), "0"),
                bad("codePointBefore(length + 1)", s -> s.codePointBefore(6), sb -> sb.codePointBefore(6), "6"),
                bad("codePointCount(2, 1)", s -> s.codePointCount(2, 1), sb -> sb.codePointCount(2, 1), "[2, 1)"),
                bad("codePointCount(-1, 1)", s -> s.codePointCount(-1, 1), sb -> sb.codePointCount(-1, 1), "-1"),
                bad("codePointCount(0, length + 1)", s -> s.codePointCount(0, 6), sb -> sb.codePointCount(0, 6), "6"),
                bad("offsetByCodePoints(length + 1, 0)", s -> s.offsetByCodePoints(6, 0), sb -> sb.offsetByCodePoints(6, 0), "6"),
                bad("offsetByCodePoints(-1, 0)", s -> s.offsetByCodePoints(-1, 0), sb -> sb.offsetByCodePoints(-1, 0), "-1"),
                bad("offsetByCodePoints(1, 9)", s -> s.offsetByCodePoints(1, 9), sb -> sb.offsetByCodePoints(1, 9), "9"),
                bad("offsetByCodePoints(1, -2)", s -> s.offsetByCodePoints(1, -2), sb -> sb.offsetByCodePoints(1, -2), "-2"),
                bad("getChars(-1, 2)", s -> s.getChars(-1, 2, new char[9], 0), sb -> sb.getChars(-1, 2, new char[9], 0), "-1"),
                bad("getChars(0, length + 1)", s -> s.getChars(0, 6, new char[9], 0), sb -> sb.getChars(0, 6, new char[9], 0), "6"),
                bad("getChars(2, 1)", s -> s.getChars(2, 1, new char[9], 0), sb -> sb.getChars(2, 1, new char[9], 0), "[2, 1)"),
                bad("getChars into a short array", s -> s.getChars(0, 3, new char[2], 0), sb -> sb.getChars(0, 3, new char[2], 0), "2"),
                bad("getChars to -1", s -> s.getChars(0, 3, new char[9], -1), sb -> sb.getChars(0, 3, new char[9], -1), "-1"),
                bad("getChars into null", s -> s.getChars(0, 3, null, 0), sb -> sb.getChars(0, 3, null, 0), null),
                bad("substring(-1)", s -> s.substring(-1), sb -> sb.substring(-1), "-1"),
                bad("substring(length + 1)", s -> s.substring(6), sb -> sb.substring(6), "6"),
                bad("substring(2, 1)", s -> s.substring(2, 1), sb -> sb.substring(2, 1), "[2, 1)"),
                bad("substring(0, length + 1)", s -> s.substring(0, 6), sb -> sb.substring(0, 6), "6"),
                bad("subSequence(2, 1)", s -> s.subSequence(2, 1), sb -> sb.subSequence(2, 1), "[2, 1)"),
                bad("indexOf(null)", s -> s.indexOf(null), sb -> sb.indexOf(null), null),
                bad("indexOf(null, 1)", s -> s.indexOf(null, 1), sb -> sb.indexOf(null, 1), null),
                bad("lastIndexOf(null)", s -> s.lastIndexOf(null), sb -> sb.lastIndexOf(null), null),
                bad("compareTo(null)", s -> s.compareTo(null), sb -> sb.compareTo(null), null),
                bad("contains(null), as String's", s -> s.contains(null), sb -> sb.toString().contains(null), null),
                bad("startsWith(null), as String's", s -> s.startsWith(null), sb -> sb.toString().startsWith(null), null),
                bad("endsWith(null), as String's", s -> s.endsWith(null), sb -> sb.toString().endsWith(null), null),
                bad("contentEquals(null), as String's", s -> s.contentEquals(null), sb -> sb.toString().contentEquals((CharSequence) null), null),
                // Appends
                bad("append(CharSequence, -1, 2)", s -> s.append("xyz", -1, 2), sb -> sb.append("xyz", -1, 2), "-1"),
                bad("append(CharSequence, 2, 1)", s -> s.append("xyz", 2, 1), sb -> sb.append("xyz", 2, 1), "2"),
                bad("append(CharSequence, 0, 4)", s -> s.append(new StringBuilder("xyz"), 0, 4), sb -> sb.append(new StringBuilder("xyz"), 0, 4), "4"),
                bad("append(null CharSequence, 0, 5)", s -> s.append((CharSequence) null, 0, 5), sb -> sb.append((CharSequence) null, 0, 5), "5"),
                bad("append(CowString, 0, 6) of itself", s -> s.append(s, 0, 6), sb -> sb.append(sb, 0, 6), "6"),
                bad("append(char[], -1, 2)", s -> s.append(new char[3], -1, 2), sb -> sb.append(new char[3], -1, 2), "-1"),
                bad("append(char[], 1, 3)", s -> s.append(new char[3], 1, 3), sb -> sb.append(new char[3], 1, 3), "3"),
                bad("append(char[], 1, -1)", s -> s.append(new char[3], 1, -1), sb -> sb.append(new char[3], 1, -1), "-1"),
                bad("append(null char[])", s -> s.append((char[]) null), sb -> sb.append((char[]) null), null),
                bad("append(null char[], 0, 0)", s -> s.append((char[]) null, 0, 0), sb -> sb.append((char[]) null, 0, 0), null),
                bad("appendCodePoint(-1)", s -> s.appendCodePoint(-1), sb -> sb.appendCodePoint(-1), "0xFFFFFFFF"),
                bad("appendCodePoint(0x110000)", s -> s.appendCodePoint(0x110000), sb -> sb.appendCodePoint(0x110000), "0x110000"),
                // Inserts
                bad("insert(-1, String)", s -> s.insert(-1, "x"), sb -> sb.insert(-1, "x"), "-1"),
                bad("insert(length + 1, String)", s -> s.insert(6, "x"), sb -> sb.insert(6, "x"), "6"),
                bad("insert(length + 1, null String)", s -> s.insert(6, (String) null), sb -> sb.insert(6, (String) null), "6"),
                bad("insert(length + 1, char)", s -> s.insert(6, 'x'), sb -> sb.insert(6, 'x'), "6"),
                bad("insert(length + 1, int)", s -> s.insert(6, 1), sb -> sb.insert(6, 1), "6"),
                bad("insert(length + 1, long)", s -> s.insert(6, 1L), sb -> sb.insert(6, 1L), "6"),
                bad("insert(length + 1, float)", s -> s.insert(6, 1f), sb -> sb.insert(6, 1f), "6"),
                bad("insert(length + 1, double)", s -> s.insert(6, 1d), sb -> sb.insert(6, 1d), "6"),
                bad("insert(length + 1, boolean)", s -> s.insert(6, true), sb -> sb.insert(6, true), "6"),
                bad("insert(length + 1, Object)", s -> s.insert(6, (Object) "x"), sb -> sb.insert(6, (Object) "x"), "6"),
                bad("insert(length + 1, CharSequence)", s -> s.insert(6, (CharSequence) "x"), sb -> sb.insert(6, (CharSequence) "x"), "6"),
                bad("insert(length + 1, CowString)", s -> s.insert(6, CowString.of("x")), sb -> sb.insert(6, (CharSequence) "x"), "6"),
                bad("insert(length + 1, char[])", s -> s.insert(6, new char[1]), sb -> sb.insert(6, new char[1]), "6"),
                bad("insert(length + 1, null char[])", s -> s.insert(6, (char[]) null), sb -> sb.insert(6, (char[]) null), "6"),
                bad("insert(1, null char[])", s -> s.insert(1, (char[]) null), sb -> sb.insert(1, (char[]) null), null),
                bad("insert(length + 1, CharSequence, 0, 1)", s -> s.insert(6, "x", 0, 1), sb -> sb.insert(6, "x", 0, 1), "6"),
                bad("insert(1, CharSequence, -1, 1)", s -> s.insert(1, "x", -1, 1), sb -> sb.insert(1, "x", -1, 1), "-1"),
                bad("insert(1, CharSequence, 0, 2)", s -> s.insert(1, "x", 0, 2), sb -> sb.insert(1, "x", 0, 2), "2"),
                bad("insert(1, CharSequence, 1, 0)", s -> s.insert(1, "x", 1, 0), sb -> sb.insert(1, "x", 1, 0), "1"),
                bad("insert(1, null CharSequence, 0, 5)", s -> s.insert(1, (CharSequence) null, 0, 5), sb -> sb.insert(1, (CharSequence) null, 0, 5), "5"),
                bad("insert(length + 1, char[], 0, 1)", s -> s.insert(6, new char[2], 0, 1), sb -> sb.insert(6, new char[2], 0, 1), "6"),
                bad("insert(-1, char[], 0, 1)", s -> s.insert(-1, new char[2], 0, 1), sb -> sb.insert(-1, new char[2], 0, 1), "-1"),
                bad("insert(1, char[], -1, 1)", s -> s.insert(1, new char[2], -1, 1), sb -> sb.insert(1, new char[2], -1, 1), "-1"),
                bad("insert(1, char[], 1, 2)", s -> s.insert(1, new char[2], 1, 2), sb -> sb.insert(1, new char[2], 1, 2), "3"),
                bad("insert(1, char[], 1, -1)", s -> s.insert(1, new char[2], 1, -1), sb -> sb.insert(1, new char[2], 1, -1), "0"),
                // Removals and replacements
                bad("delete(-1, 2)", s -> s.delete(-1, 2), sb -> sb.delete(-1, 2), "-1"),
                bad("delete(2, 1)", s -> s.delete(2, 1), sb -> sb.delete(2, 1), "[2, 1)"),
                bad("delete(length + 1, length + 2)", s -> s.delete(6, 7), sb -> sb.delete(6, 7), "6"),
                bad("deleteCharAt(length)", s -> s.deleteCharAt(5), sb -> sb.deleteCharAt(5), "5"),
                bad("deleteCharAt(-1)", s -> s.deleteCharAt(-1), sb -> sb.deleteCharAt(-1), "-1"),
                bad("replace(-1, 2, x)", s -> s.replace(-1, 2, "x"), sb -> sb.replace(-1, 2, "x"), "-1"),
                bad("replace(2, 1, x)", s -> s.replace(2, 1, "x"), sb -> sb.replace(2, 1, "x"), "[2, 1)"),
                bad("replace(length + 1, length + 2, x)", s -> s.replace(6, 7, "x"), sb -> sb.replace(6, 7, "x"), "6"),
                bad("replace(0, 1, null)", s -> s.replace(0, 1, null), sb -> sb.replace(0, 1, null), null),
                bad("replace(length + 2, 1, null)", s -> s.replace(7, 1, null), sb -> sb.replace(7, 1, null), "7"),
                bad("setCharAt(length)", s -> s.setCharAt(5, 'x'), sb -> sb.setCharAt(5, 'x'), "5"),
                bad("setCharAt(-1)", s -> s.setCharAt(-1, 'x'), sb -> sb.setCharAt(-1, 'x'), "-1"),
                bad("setLength(-1)", s -> s.setLength(-1), sb -> sb.setLength(-1), "-1"));
    }

    @ParameterizedTest
    @MethodSource("badCalls")
    void badCallThrowsAsStringBuilderDoesAndChangesNothing(BadCall call) {
        for (String original : new String[] {LATIN1, WIDE}) {
            StringBuilder builder = new StringBuilder(original);
            Class<? extends Throwable> expected = assertThrows(RuntimeException.class,
                    () -> call.onBuilder().accept(builder)).getClass();
            for (boolean shared : new boolean[] {false, true}) {
                CowString text = CowString.of(original);
                CowString sibling = shared ? text.copy() : null;
                RefCount count = text.refCount();
                int hash = text.hashCode();

                RuntimeException thrown = assertThrows(RuntimeException.class, () -> call.onHandle().accept(text));

                assertEquals(expected, thrown.getClass(), "StringBuilder throws the same for the same call");
                if (call.named() != null) {
                    assertTrue(thrown.getMessage().contains(call.named()), thrown.getMessage());
                }
                assertEquals(original, text.toString());
                assertEquals(hash, text.hashCode());
                assertSame(count, text.refCount(), "no detach");
                if (sibling != null) {
                    assertEquals(original, sibling.toString());
                }
            }
        }
    }

    @Test
    void indexMessagesAreWordedAsObjectsCheckIndexWordsThem() {
        CowString text = CowString.of(LATIN1);
        assertEquals("Index 5 out of bounds for length 5",
                assertThrows(StringIndexOutOfBoundsException.class, () -> text.charAt(5)).getMessage());
        assertEquals("Range [2, 1) out of bounds for length 5",
                assertThrows(StringIndexOutOfBoundsException.class, () -> text.delete(2, 1)).getMessage());
        assertEquals("Offset 6 out of bounds for length 5",
                assertThrows(StringIndexOutOfBoundsException.class, () -> text.insert(6, 'x')).getMessage());
        assertEquals("Range [0, 4) out of bounds for length 3",
                assertThrows(IndexOutOfBoundsException.class, () -> text.append("xyz", 0, 4)).getMessage());
    }

    @Test
    void negativeCapacityIsAnIllegalArgumentNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CowString(-7));
        assertEquals("capacity: -7 (expected: >= 0)", e.getMessage());
    }

    @Test
    void nullTextIsRejectedWhereStringBuilderRejectsIt() {
        assertThrows(NullPointerException.class, () -> new CowString((CharSequence) null));
        assertThrows(NullPointerException.class, () -> new StringBuilder((CharSequence) null));
        assertThrows(NullPointerException.class, () -> CowString.copyOf(null));
        assertThrows(NullPointerException.class, () -> CowString.of((char[]) null));
        assertThrows(NullPointerException.class, () -> CowString.of((CharSequence[]) null));
    }

    @Test
    void nullTextAppendsAndInsertsNullAsStringBuilderDoes() {
        CowString text = new CowString();
        StringBuilder builder = new StringBuilder();
        text.append((String) null).append((CharSequence) null).append((CowString) null).append((Object) null)
                .insert(0, (String) null).insert(0, (CharSequence) null).insert(0, (CowString) null).insert(0, (Object) null)
                .append((CharSequence) null, 1, 3).insert(0, (CharSequence) null, 2, 4);
        builder.append((String) null).append((CharSequence) null).append((StringBuilder) null).append((Object) null)
                .insert(0, (String) null).insert(0, (CharSequence) null).insert(0, (CharSequence) null).insert(0, (Object) null)
                .append((CharSequence) null, 1, 3).insert(0, (CharSequence) null, 2, 4);
        assertEquals(builder.toString(), text.toString());
        assertEquals(CowString.of("null", "x"), CowString.of(null, "x"));
    }

    @Test
    void capacityBeyondAnyArrayIsAnOutOfMemoryErrorAndChangesNothing() {
        CowString narrow = CowString.of(LATIN1);
        assertThrows(OutOfMemoryError.class, () -> narrow.ensureCapacity(Integer.MAX_VALUE));
        assertEquals(LATIN1, narrow.toString());
        CowString wide = CowString.of(WIDE);
        CowString sibling = wide.copy();
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> wide.ensureCapacity(Utf16Bytes.MAX_LENGTH + 1));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertEquals(WIDE, wide.toString());
        assertSame(sibling.refCount(), wide.refCount());
    }

    @Test
    void ensureCapacityOfNothingOrLessIsIgnoredAsStringBuilderIgnoresIt() {
        CowString text = CowString.of(LATIN1);
        RefCount count = text.refCount();
        text.ensureCapacity(-5).ensureCapacity(0);
        assertSame(count, text.refCount());
        assertEquals(LATIN1, text.toString());
    }
}
