package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The state of {@link CowStringProperties}: a few {@code CowString} handles that copy each other,
 * each with a {@code StringBuilder} model, and the {@link ShareModel} of their buffers.
 */
final class StringPool {
    static final int HANDLES = 4;

    /** Code points every handle is searched for, beside the chars and slices of its own text. */
    private static final int[] FIXED_CHAR_NEEDLES = {'a', 'e', 0xE9, 0xFF, 0x100, 0x4E16, 0xD83D, 0xDE00, 0x1F600, -1, 0x110000};

    /** Strings every handle is searched for, beside slices of its own text. */
    private static final String[] FIXED_NEEDLES = {"", "a", "ab", "\u00e9", "\u00ff\u0100", "\u4e16", "\ud83d\ude00", "\ud83d", "\ude00"};

    private final List<CowString> handles = new ArrayList<>();
    private final List<StringBuilder> models = new ArrayList<>();
    private final ShareModel shares;

    StringPool() {
        CowString first = CowString.of("h\u00e9llo w\u00f6rld");
        for (int i = 0; i < HANDLES; i++) {
            handles.add(i == 0 ? first : first.copy());
            models.add(new StringBuilder(first));
        }
        shares = new ShareModel(HANDLES, slot -> handles.get(slot).refCount());
    }

    CowString handle(int slot) {
        return handles.get(slot);
    }

    String text(int slot) {
        return models.get(slot).toString();
    }

    /**
     * Applies an edit to the model and the same edit to the handle: both must throw the same
     * exception or neither, and the handle must detach exactly when SPEC says it must.
     */
    void write(int slot, Consumer<StringBuilder> onModel, Consumer<CowString> onHandle) {
        StringBuilder model = models.get(slot);
        String before = model.toString();
        Class<? extends Throwable> expected = thrown(() -> onModel.accept(model));
        if (expected != null) {
            model.setLength(0);
            model.append(before);
        }
        Class<? extends Throwable> actual = thrown(() -> onHandle.accept(handles.get(slot)));
        assertEquals(expected, actual, "StringBuilder and CowString throw the same, or neither throws");
        shares.expectDetach(slot, !before.contentEquals(model), false);
    }

    /**
     * {@code ensureCapacity}, which keeps the text but detaches a shared handle when it asks for
     * more than the shared buffer holds, so the appends that follow copy nothing.
     */
    void ensureCapacity(int slot, int minimumCapacity) {
        CowString handle = handles.get(slot);
        boolean beyond = minimumCapacity > handle.capacity();
        handle.ensureCapacity(minimumCapacity);
        assertTrue(handle.capacity() >= minimumCapacity, "the capacity asked for");
        shares.expectDetach(slot, beyond, false);
    }

    /** {@code clear()}, which moves a shared handle to the immortal empty buffer. */
    void clear(int slot) {
        boolean changed = models.get(slot).length() > 0;
        models.get(slot).setLength(0);
        handles.get(slot).clear();
        shares.expectDetach(slot, changed, true);
    }

    private static Class<? extends Throwable> thrown(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    /** Replaces the handle in {@code target} (dropping it) with one that shares {@code source}'s buffer. */
    void share(int source, int target, Function<CowString, CowString> copier) {
        handles.set(target, copier.apply(handles.get(source)));
        models.set(target, new StringBuilder(models.get(source)));
        shares.copied(source, target);
    }

    /** Replaces the handle in {@code target} (dropping it) with an unshared one made from its text. */
    void replaceWithFresh(int target, Function<String, CowString> maker) {
        String text = text(target);
        handles.set(target, maker.apply(text));
        shares.replacedWithFresh(target, text.isEmpty());
    }

    /** Replaces the handle in {@code target} (dropping it) with an unshared one holding {@code text}. */
    void replaceWithText(int target, String text) {
        models.set(target, new StringBuilder(text));
        replaceWithFresh(target, CowString::new);
    }

    /** The invariant checked after every step. */
    void checkEveryHandle() {
        for (int i = 0; i < HANDLES; i++) {
            CowString handle = handles.get(i);
            String text = text(i);
            String which = "handle " + i + " [" + text + "]";
            assertEquals(text, handle.toString(), which);
            checkQueries(handle, text, which);
            shares.check(i, handle.isShared(), which);
            for (int j = 0; j < HANDLES; j++) {
                CowString other = handles.get(j);
                String otherText = text(j);
                assertEquals(text.compareTo(otherText), handle.compareTo(other), which + " compareTo handle " + j);
                assertEquals(text.equals(otherText), handle.equals(other), which + " equals handle " + j);
                assertEquals(text.equals(otherText), handle.contentEquals(other), which + " contentEquals handle " + j);
            }
        }
    }

    /** Every query of the handle gives String's answer on the same text. */
    static void checkQueries(CowString handle, String text, String which) {
        int n = text.length();
        assertEquals(n, handle.length(), which);
        assertEquals(text.isEmpty(), handle.isEmpty(), which);
        assertEquals(text.hashCode(), handle.hashCode(), which + " hashCode");
        assertEquals(text.hashCode(), handle.hashCode(), which + " cached hashCode");
        assertTrue(handle.contentEquals(text), which);
        assertTrue(handle.contentEquals(new StringBuilder(text)), which);
        assertFalse(handle.contentEquals(text + "x"), which);
        assertFalse(handle.equals(text), which + " is never equal to a String");
        for (int i = 0; i < n; i++) {
            assertEquals(text.charAt(i), handle.charAt(i), which + " charAt " + i);
            assertEquals(text.codePointAt(i), handle.codePointAt(i), which + " codePointAt " + i);
            assertEquals(text.codePointBefore(i + 1), handle.codePointBefore(i + 1), which + " codePointBefore " + (i + 1));
        }
        int[] cuts = {0, n / 3, n / 2, 2 * n / 3, n};
        for (int from : cuts) {
            for (int to : cuts) {
                if (from <= to) {
                    assertEquals(text.codePointCount(from, to), handle.codePointCount(from, to), which);
                    assertEquals(text.substring(from, to), handle.substring(from, to), which);
                    assertEquals(text.subSequence(from, to), handle.subSequence(from, to), which);
                }
            }
        }
        int codePoints = text.codePointCount(0, n);
        for (int k = 0; k <= codePoints; k++) {
            assertEquals(text.offsetByCodePoints(0, k), handle.offsetByCodePoints(0, k), which + " offsetByCodePoints");
            assertEquals(text.offsetByCodePoints(n, -k), handle.offsetByCodePoints(n, -k), which + " offsetByCodePoints");
        }
        assertArrayEquals(text.chars().toArray(), handle.chars().toArray(), which + " chars");
        assertArrayEquals(text.codePoints().toArray(), handle.codePoints().toArray(), which + " codePoints");
        char[] chars = new char[n + 2];
        handle.getChars(0, n, chars, 1);
        assertEquals(text, new String(chars, 1, n), which + " getChars");
        int[] froms = {-1, 0, 1, n / 2, n - 1, n, n + 1};
        for (int ch : charNeedles(text)) {
            assertEquals(text.indexOf(ch), handle.indexOf(ch), which + " indexOf " + ch);
            assertEquals(text.lastIndexOf(ch), handle.lastIndexOf(ch), which + " lastIndexOf " + ch);
            for (int from : froms) {
                assertEquals(text.indexOf(ch, from), handle.indexOf(ch, from), which + " indexOf " + ch + " from " + from);
                assertEquals(text.lastIndexOf(ch, from), handle.lastIndexOf(ch, from), which + " lastIndexOf " + ch + " from " + from);
            }
        }
        for (String needle : needles(text)) {
            assertEquals(text.indexOf(needle), handle.indexOf(needle), which + " indexOf " + needle);
            assertEquals(text.lastIndexOf(needle), handle.lastIndexOf(needle), which + " lastIndexOf " + needle);
            assertEquals(text.contains(needle), handle.contains(needle), which + " contains " + needle);
            assertEquals(text.startsWith(needle), handle.startsWith(needle), which + " startsWith " + needle);
            assertEquals(text.endsWith(needle), handle.endsWith(needle), which + " endsWith " + needle);
            for (int from : froms) {
                assertEquals(text.indexOf(needle, from), handle.indexOf(needle, from), which + " indexOf " + needle + " from " + from);
                assertEquals(text.lastIndexOf(needle, from), handle.lastIndexOf(needle, from), which + " lastIndexOf " + needle + " from " + from);
                assertEquals(text.startsWith(needle, from), handle.startsWith(needle, from), which + " startsWith " + needle + " at " + from);
            }
        }
    }

    /** The code points of the text, its first and last chars alone (half a pair, maybe), and fixed ones. */
    private static Set<Integer> charNeedles(String text) {
        Set<Integer> needles = new LinkedHashSet<>();
        text.codePoints().limit(6).forEach(needles::add);
        if (!text.isEmpty()) {
            needles.add((int) text.charAt(0));
            needles.add((int) text.charAt(text.length() - 1));
        }
        for (int ch : FIXED_CHAR_NEEDLES) {
            needles.add(ch);
        }
        return needles;
    }

    /** Slices of the text, which occur in it, and fixed strings, which may. */
    private static Set<String> needles(String text) {
        Set<String> needles = new LinkedHashSet<>(List.of(FIXED_NEEDLES));
        int n = text.length();
        for (int from = 0; from < n; from += Math.max(1, n / 4)) {
            needles.add(text.substring(from, Math.min(n, from + 1)));
            needles.add(text.substring(from, Math.min(n, from + 3)));
        }
        if (n > 0) {
            needles.add(text);
            needles.add(text + text.charAt(0));
        }
        return needles;
    }

    @Override
    public String toString() {
        return "StringPool" + models;
    }
}
