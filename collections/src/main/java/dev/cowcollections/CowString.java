package dev.cowcollections;

import java.io.EOFException;
import java.io.IOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Spliterator;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * A mutable sequence of chars whose copies cost O(1): an implicitly shared, copy-on-write
 * replacement for {@link StringBuilder} where the text is passed around and copied, with the
 * queries of {@link String}.
 *
 * <p>{@link #copy()} returns a new handle on the same buffer and only counts the share. Each
 * handle behaves as an independent value: the first write through a handle whose buffer is
 * shared <em>detaches</em> it, copying the text into a private buffer, and the other handles see
 * nothing. A write through a handle that holds the only share happens in place, as in
 * {@code StringBuilder}. A call that leaves the text unchanged never detaches: appending or
 * inserting nothing, deleting an empty range, setting a char to the char already there, replacing
 * a range with the text already there, reversing a palindrome, setting the length to the current
 * length, {@code ensureCapacity} below the capacity, {@code trimToSize} on a shared handle.
 * {@link #clear()} on a shared handle gives its share back in O(1).
 *
 * <p>Storage. While every char is at most U+00FF, the text costs one byte per char (Latin-1).
 * The first char above U+00FF widens the buffer to two bytes per char (UTF-16) in one pass over
 * the text, as the JDK's compact strings do; the buffer stays wide until {@link #clear()}.
 * Surrogate pairs and lone surrogates are kept as they are, as {@code StringBuilder} keeps them.
 *
 * <p>Costs: {@code length}, {@code charAt}, {@code codePointAt}, {@code codePointBefore},
 * {@code capacity}, {@code isShared} and, on an unshared handle, {@code setCharAt} of a char that
 * fits the buffer's width run in constant time; {@code append} runs in amortized time
 * proportional to what it appends; {@code insert}, {@code delete}, {@code deleteCharAt} and
 * {@code replace} move the chars after the change, in linear time, as {@code StringBuilder}'s
 * do. {@code copy}, {@code clone}, the sharing constructor and {@link #copyOf(CharSequence)} of
 * another {@code CowString} run in constant time, whatever the length. The first write after a
 * copy costs one copy of the text, O(n), the price {@code new StringBuilder(sb)} pays up front;
 * the writes after it are in place again. {@code toString} and {@code substring} copy the chars
 * they return; {@code hashCode} reads the text once after each change and is constant time
 * until the next one; searches cost what {@code String}'s cost.
 *
 * <p>Equality is that of a value: {@link #equals(Object)} is true only for another
 * {@code CowString} with the same chars, {@link #hashCode()} equals {@code toString().hashCode()},
 * and {@link #compareTo(CowString)} orders as {@link String#compareTo(String)} does. To compare
 * with a {@code String} or any other {@code CharSequence}, use {@link #contentEquals}.
 *
 * <p>Nulls. As in {@code StringBuilder}, appending or inserting a null {@code String},
 * {@code CharSequence}, {@code CowString} or {@code Object} adds the four chars {@code "null"};
 * a null char array, search pattern or comparand throws {@link NullPointerException}.
 *
 * <p>Thread safety. One handle is not thread-safe: use it from one thread at a time or
 * synchronize externally, as with {@code StringBuilder}. Handles that share a buffer, though,
 * may be read and written at the same time from different threads with no synchronization at
 * all: each sees only its own writes. No method takes a lock.
 *
 * <p>Memory consistency effects: actions in a thread before it calls {@code copy()} happen-before
 * actions on the copy in another thread, provided the copy reaches that thread through a safe
 * publication (a concurrent queue, a volatile or final field, {@code Thread.start}). A write
 * through one handle is never visible through another.
 */
public final class CowString implements CharSequence, Comparable<CowString>, Appendable, Cloneable, Serializable {

    /*
     * Implementation notes.
     *
     * Layout. A handle holds the byte array `value`, the `coder` that says how to read it
     * (LATIN1: one byte per char; UTF16: two bytes per char in the platform's byte order, see
     * Latin1Bytes and Utf16Bytes), its own `length` in chars, and the RefCount of the array. The
     * capacity in chars is value.length >> coder. Handles that share an array always have the
     * same coder and length, because nobody writes into a shared array: every write first makes
     * its handle the only holder (isUnique), detaching if needed. Bytes beyond `length` mean
     * nothing, in shared arrays too.
     *
     * Widening. A write that brings a char above U+00FF into a Latin-1 buffer allocates a UTF-16
     * one and inflates the old chars into it; when the handle is shared, that same pass is the
     * detach, so a widening write never copies twice. Where the width of incoming text is not
     * known (a String, any CharSequence), it is checked before the write: for a String that the
     * JDK stores in Latin-1 the check compiles to nothing. Nothing narrows a UTF-16 buffer back,
     * except clear(): an empty buffer is read as Latin-1 again, for twice the capacity in chars.
     *
     * Detach. openRange is the one place that writes move text: it shifts in place when the
     * handle is unique and the buffer has room and width, and otherwise builds the new buffer
     * around the gap in one pass, inflating if it widens, then detaches (shared) or swaps
     * (unique). A detach reads the old array completely, then releases the old share (release
     * ordering); see RefCount for why a sibling that then sees itself unique cannot tear the
     * copy. The text written into the gap never comes from the old array, except when the
     * argument is this very handle, which is why such calls copy the argument first.
     *
     * `knownUnique` caches a positive uniqueness test: the count can only leave 1 through this
     * handle's own copy(), which clears the flag. The hot paths (append of a char or a Latin-1
     * String) test a field of the handle, as StringBuilder tests its capacity; the acquire read
     * happens once per detach.
     *
     * Hash. `hash` is valid while `hashKnown`; every write clears `hashKnown`, and copies take
     * both along, since they hold the same text.
     *
     * Serialized form: the length, the coder, then the chars, one byte each for Latin-1 and two
     * (big-endian, as DataOutput.writeChar) for UTF-16. readObject trusts the length only as far
     * as bytes arrive.
     */

    private static final long serialVersionUID = 1L;

    /** The coder of a buffer that holds one byte per char. */
    static final byte LATIN1 = 0;

    /** The coder of a buffer that holds two bytes per char. */
    static final byte UTF16 = 1;

    /** The capacity of the first private buffer of a handle that starts empty, as StringBuilder's. */
    private static final int DEFAULT_CAPACITY = 16;

    /** The buffer of every empty handle that has no capacity of its own; immortal. */
    private static final byte[] EMPTY_VALUE = {};

    /** What a null String, CharSequence or Object appends, as in StringBuilder. */
    private static final String NULL_TEXT = "null";

    /** Reads up to this many bytes before a deserialized handle trusts the stream further. */
    private static final int FIRST_READ_BYTES = 8192;

    private transient byte[] value;
    private transient byte coder;
    private transient int length;
    private transient RefCount refCount;
    private transient boolean knownUnique;
    private transient int hash;
    private transient boolean hashKnown;

    /** An empty string. It allocates nothing until its first write. */
    public CowString() {
        value = EMPTY_VALUE;
        refCount = RefCount.IMMORTAL;
    }

    /**
     * An empty string with room for {@code capacity} Latin-1 chars ({@code capacity / 2} wider
     * ones) before it reallocates.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public CowString(int capacity) {
        this();
        if (Checks.checkCapacity(capacity) > 0) {
            adopt(new byte[capacity], LATIN1, 0);
        }
    }

    /**
     * A string of the chars of {@code text}. When {@code text} is a {@code CowString}, the new
     * handle shares its buffer in O(1) instead of copying it; otherwise the buffer holds exactly
     * the text, with no room to spare.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public CowString(CharSequence text) {
        this();
        if (text instanceof CowString) {
            shareWith((CowString) text);
        } else {
            adoptCopyOf(text);
        }
    }

    /** Returns an empty string. */
    public static CowString of() {
        return new CowString();
    }

    /**
     * Returns a string of the given parts one after another, in a buffer of exactly that length;
     * a null part adds {@code "null"}, as {@link #append(CharSequence)} would. A {@code CowString}
     * part is copied, never shared: {@link #copyOf(CharSequence)} shares.
     *
     * @throws NullPointerException if the array is null
     * @throws OutOfMemoryError if the total length exceeds the longest array the VM allows
     */
    public static CowString of(CharSequence... parts) {
        long total = 0;
        for (CharSequence part : parts) {
            total += part == null ? NULL_TEXT.length() : part.length();
        }
        if (total > ArrayGrowth.SOFT_MAX_LENGTH) {
            throw new OutOfMemoryError("Required length " + total + " is too large");
        }
        CowString text = new CowString((int) total);
        for (CharSequence part : parts) {
            text.append(part);
        }
        return text;
    }

    /**
     * Returns a string of the given chars, in a buffer of exactly that length.
     *
     * @throws NullPointerException if the array is null
     */
    public static CowString of(char... chars) {
        CowString text = new CowString();
        int count = chars.length;
        if (count > 0) {
            byte width = Latin1Bytes.canEncode(chars, 0, count) ? LATIN1 : UTF16;
            byte[] fresh = new byte[count << width];
            putChars(fresh, width, 0, chars, 0, count);
            text.adopt(fresh, width, count);
        }
        return text;
    }

    /**
     * Returns a string of the chars of {@code text}. A {@code CowString} is shared in O(1) (the
     * result is {@code text.copy()}); any other text is copied.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static CowString copyOf(CharSequence text) {
        if (text instanceof CowString) {
            return ((CowString) text).copy();
        }
        return new CowString(text);
    }

    // Sharing

    /**
     * Returns a new handle on this string's buffer, in O(1) whatever the length. The two handles
     * are independent values from now on: the first write through either one detaches it.
     */
    public CowString copy() {
        CowString copy = new CowString();
        copy.shareWith(this);
        return copy;
    }

    /** Returns {@link #copy()}: a new handle on the same buffer, in O(1). */
    @Override
    public CowString clone() {
        return copy();
    }

    /**
     * Whether this handle's buffer is shared with another handle, so that the next write through
     * it will copy. Empty strings that never held a char share one static buffer, so they answer
     * {@code true}. For tests and diagnostics.
     */
    public boolean isShared() {
        return !knownUnique && !refCount.isUniqueAcquire();
    }

    /** The count of this handle's buffer, for tests in this package. */
    RefCount refCount() {
        return refCount;
    }

    /** Whether this handle's buffer holds one byte per char, for tests in this package. */
    boolean isLatin1() {
        return coder == LATIN1;
    }

    private void shareWith(CowString source) {
        RefCount sourceCount = source.refCount;
        sourceCount.retain();
        source.knownUnique = false;
        value = source.value;
        coder = source.coder;
        length = source.length;
        refCount = sourceCount;
        hash = source.hash;
        hashKnown = source.hashKnown;
    }

    /** Makes a handle that has no buffer of its own yet hold {@code fresh}, which nobody else holds. */
    private void adopt(byte[] fresh, byte freshCoder, int freshLength) {
        value = fresh;
        coder = freshCoder;
        length = freshLength;
        refCount = new RefCount();
        knownUnique = true;
    }

    private void adoptCopyOf(CharSequence text) {
        int count = text.length();
        if (count > 0) {
            byte width = canEncodeLatin1(text, 0, count) ? LATIN1 : UTF16;
            byte[] fresh = new byte[count << width];
            putChars(fresh, width, 0, text, 0, count);
            adopt(fresh, width, count);
        }
    }

    /** Whether this handle may write into its buffer in place. */
    private boolean isUnique() {
        return knownUnique || (knownUnique = refCount.isUniqueAcquire());
    }

    /**
     * Makes {@code fresh}, which holds this string's text after a write, the handle's private
     * buffer, then gives back the share of the old one. The caller has finished reading it.
     */
    private void detachTo(byte[] fresh, byte freshCoder) {
        RefCount oldCount = refCount;
        value = fresh;
        coder = freshCoder;
        refCount = new RefCount();
        knownUnique = true;
        oldCount.release();
    }

    /**
     * Replaces the chars in {@code [start, end)} with a gap of {@code count} chars, in a buffer of
     * width {@code newCoder} (at least the current one), and returns the buffer to write the gap
     * into. In place when the handle is unique and the buffer has room and width; otherwise in a
     * new buffer built around the gap in one pass, which the handle then holds alone. The caller
     * checked the range, must have finished reading the old buffer, and fills the gap.
     *
     * @throws OutOfMemoryError if the new length exceeds the longest array the VM allows
     */
    private byte[] openRange(int start, int end, int count, byte newCoder) {
        byte[] old = value;
        if (old == EMPTY_VALUE) {
            // Nothing to copy, and the immortal empty buffer takes no release.
            CopyEvents.detached(CowString.class, CopyEvents.BUFFER, refCount, 0, 0);
            adopt(new byte[Math.max(DEFAULT_CAPACITY, count) << newCoder], newCoder, count);
            hashKnown = false;
            return value;
        }
        byte oldCoder = coder;
        int oldLength = length;
        int kept = oldLength - (end - start);
        int capacity = old.length >> oldCoder;
        boolean unique = isUnique();
        if (unique && newCoder == oldCoder && count <= capacity - kept) {
            if (count != end - start) {
                System.arraycopy(old, end << oldCoder, old, (start + count) << oldCoder, (oldLength - end) << oldCoder);
            }
            length = kept + count;
            hashKnown = false;
            return old;
        }
        byte[] fresh = new byte[newCapacity(capacity, kept, count, newCoder) << newCoder];
        if (newCoder == oldCoder) {
            System.arraycopy(old, 0, fresh, 0, start << oldCoder);
            System.arraycopy(old, end << oldCoder, fresh, (start + count) << oldCoder, (oldLength - end) << oldCoder);
        } else {
            Latin1Bytes.inflate(old, 0, fresh, 0, start);
            Latin1Bytes.inflate(old, end, fresh, start + count, oldLength - end);
        }
        if (unique) {
            value = fresh;
            coder = newCoder;
        } else {
            CopyEvents.detached(CowString.class, CopyEvents.BUFFER, refCount, kept, (long) kept << newCoder);
            detachTo(fresh, newCoder);
        }
        length = kept + count;
        hashKnown = false;
        return fresh;
    }

    /**
     * The capacity in chars of a new buffer that holds {@code kept} chars of one with
     * {@code capacity} plus {@code count} more: the same capacity when they fit, else grown as
     * {@link ArrayGrowth} grows arrays; {@link #DEFAULT_CAPACITY} at least for a first buffer.
     */
    private static int newCapacity(int capacity, int kept, int count, byte newCoder) {
        int room = capacity - kept;
        int newCapacity;
        if (count <= room) {
            newCapacity = capacity;
        } else if (capacity == 0) {
            newCapacity = Math.max(DEFAULT_CAPACITY, count);
        } else {
            newCapacity = ArrayGrowth.grow(capacity, count - room);
        }
        if (newCoder == UTF16 && newCapacity > Utf16Bytes.MAX_LENGTH) {
            if (count > Utf16Bytes.MAX_LENGTH - kept) {
                throw new OutOfMemoryError(
                        "Required length " + kept + " + " + count + " is too large for UTF-16 text");
            }
            newCapacity = Utf16Bytes.MAX_LENGTH;
        }
        return newCapacity;
    }

    // Chars of either width

    static char charAt(byte[] value, byte coder, int index) {
        return coder == LATIN1 ? Latin1Bytes.charAt(value, index) : Utf16Bytes.getChar(value, index);
    }

    private static void putChar(byte[] value, byte coder, int index, char c) {
        if (coder == LATIN1) {
            value[index] = (byte) c;
        } else {
            Utf16Bytes.putChar(value, index, c);
        }
    }

    /** The coder a buffer needs to hold {@code c}. */
    private static byte coderOf(char c) {
        return Latin1Bytes.canEncode(c) ? LATIN1 : UTF16;
    }

    private static boolean canEncodeLatin1(CharSequence s, int from, int to) {
        return s instanceof String
                ? Latin1Bytes.canEncode((String) s, from, to)
                : Latin1Bytes.canEncode(s, from, to);
    }

    private static void putChars(byte[] value, byte coder, int index, CharSequence s, int from, int to) {
        if (coder == UTF16) {
            Utf16Bytes.putChars(value, index, s, from, to);
        } else if (s instanceof String) {
            Latin1Bytes.putChars(value, index, (String) s, from, to);
        } else {
            Latin1Bytes.putChars(value, index, s, from, to);
        }
    }

    private static void putChars(byte[] value, byte coder, int index, char[] s, int from, int to) {
        if (coder == LATIN1) {
            Latin1Bytes.putChars(value, index, s, from, to);
        } else {
            Utf16Bytes.putChars(value, index, s, from, to);
        }
    }

    // Modification Operations

    /**
     * Appends {@code c}.
     *
     * @return this string
     */
    @Override
    public CowString append(char c) {
        byte[] v = value;
        int n = length;
        if (knownUnique && coder == LATIN1 && c <= 0xFF && n < v.length) {
            v[n] = (byte) c;
            length = n + 1;
            hashKnown = false;
            return this;
        }
        return insertChar(n, c);
    }

    /**
     * Appends the chars of {@code str}, or {@code "null"} if it is null.
     *
     * @return this string
     */
    public CowString append(String str) {
        String s = str == null ? NULL_TEXT : str;
        byte[] v = value;
        int n = length;
        int count = s.length();
        if (knownUnique && coder == LATIN1 && count <= v.length - n && Latin1Bytes.canEncode(s, 0, count)) {
            Latin1Bytes.putChars(v, n, s, 0, count);
            length = n + count;
            hashKnown = false;
            return this;
        }
        return insertText(n, s, 0, count);
    }

    /**
     * Appends the chars of {@code other}, or {@code "null"} if it is null, copying them from its
     * buffer.
     *
     * @return this string
     */
    public CowString append(CowString other) {
        return append((CharSequence) other);
    }

    /**
     * Appends the chars of {@code s}, or {@code "null"} if it is null.
     *
     * @return this string
     */
    @Override
    public CowString append(CharSequence s) {
        if (s instanceof String) {
            return append((String) s);
        }
        CharSequence text = s == null ? NULL_TEXT : s;
        return insertText(length, text, 0, text.length());
    }

    /**
     * Appends the chars of {@code s} in {@code [start, end)}; a null {@code s} counts as
     * {@code "null"}.
     *
     * @return this string
     * @throws IndexOutOfBoundsException if {@code start} or {@code end} is out of range for
     *         {@code s}, or {@code start > end}
     */
    @Override
    public CowString append(CharSequence s, int start, int end) {
        CharSequence text = s == null ? NULL_TEXT : s;
        Objects.checkFromToIndex(start, end, text.length());
        return insertText(length, text, start, end);
    }

    /**
     * Appends the chars of {@code str}.
     *
     * @return this string
     * @throws NullPointerException if {@code str} is null
     */
    public CowString append(char[] str) {
        return insertText(length, str, 0, str.length);
    }

    /**
     * Appends the {@code len} chars of {@code str} from {@code offset}.
     *
     * @return this string
     * @throws IndexOutOfBoundsException if the range is out of bounds for {@code str}
     * @throws NullPointerException if {@code str} is null
     */
    public CowString append(char[] str, int offset, int len) {
        Objects.checkFromIndexSize(offset, len, str.length);
        return insertText(length, str, offset, offset + len);
    }

    /**
     * Appends {@code String.valueOf(b)}.
     *
     * @return this string
     */
    public CowString append(boolean b) {
        return append(String.valueOf(b));
    }

    /**
     * Appends {@code String.valueOf(i)}.
     *
     * @return this string
     */
    public CowString append(int i) {
        return append(String.valueOf(i));
    }

    /**
     * Appends {@code String.valueOf(l)}.
     *
     * @return this string
     */
    public CowString append(long l) {
        return append(String.valueOf(l));
    }

    /**
     * Appends {@code String.valueOf(f)}.
     *
     * @return this string
     */
    public CowString append(float f) {
        return append(String.valueOf(f));
    }

    /**
     * Appends {@code String.valueOf(d)}.
     *
     * @return this string
     */
    public CowString append(double d) {
        return append(String.valueOf(d));
    }

    /**
     * Appends {@code String.valueOf(obj)}: {@code "null"} for null.
     *
     * @return this string
     */
    public CowString append(Object obj) {
        return append(String.valueOf(obj));
    }

    /**
     * Appends the code point: one char, or a surrogate pair for a supplementary code point.
     *
     * @return this string
     * @throws IllegalArgumentException if {@code codePoint} is not a valid Unicode code point
     */
    public CowString appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return append((char) codePoint);
        }
        return append(Character.toChars(codePoint));
    }

    /**
     * Inserts the chars of {@code str}, or {@code "null"} if it is null, before the char at
     * {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, String str) {
        StringChecks.checkOffset(offset, length);
        String s = str == null ? NULL_TEXT : str;
        return insertText(offset, s, 0, s.length());
    }

    /**
     * Inserts the chars of {@code other}, or {@code "null"} if it is null, before the char at
     * {@code offset}, copying them from its buffer.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, CowString other) {
        return insert(offset, (CharSequence) other);
    }

    /**
     * Inserts the chars of {@code s}, or {@code "null"} if it is null, before the char at
     * {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, CharSequence s) {
        CharSequence text = s == null ? NULL_TEXT : s;
        return insert(offset, text, 0, text.length());
    }

    /**
     * Inserts the chars of {@code s} in {@code [start, end)} before the char at
     * {@code dstOffset}; a null {@code s} counts as {@code "null"}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code dstOffset < 0 || dstOffset > length()}
     * @throws IndexOutOfBoundsException if {@code start} or {@code end} is out of range for
     *         {@code s}, or {@code start > end}
     */
    public CowString insert(int dstOffset, CharSequence s, int start, int end) {
        CharSequence text = s == null ? NULL_TEXT : s;
        StringChecks.checkOffset(dstOffset, length);
        Objects.checkFromToIndex(start, end, text.length());
        return insertText(dstOffset, text, start, end);
    }

    /**
     * Inserts the chars of {@code str} before the char at {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     * @throws NullPointerException if {@code str} is null
     */
    public CowString insert(int offset, char[] str) {
        StringChecks.checkOffset(offset, length);
        return insertText(offset, str, 0, str.length);
    }

    /**
     * Inserts the {@code len} chars of {@code str} from {@code offset} before the char at
     * {@code index}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code index < 0 || index > length()}, or the
     *         range is out of bounds for {@code str}
     * @throws NullPointerException if {@code str} is null
     */
    public CowString insert(int index, char[] str, int offset, int len) {
        StringChecks.checkOffset(index, length);
        StringChecks.checkFromToIndex(offset, offset + len, str.length);
        return insertText(index, str, offset, offset + len);
    }

    /**
     * Inserts {@code c} before the char at {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, char c) {
        StringChecks.checkOffset(offset, length);
        return insertChar(offset, c);
    }

    /**
     * Inserts {@code String.valueOf(b)} before the char at {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, boolean b) {
        return insert(offset, String.valueOf(b));
    }

    /**
     * Inserts {@code String.valueOf(i)} before the char at {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, int i) {
        return insert(offset, String.valueOf(i));
    }

    /**
     * Inserts {@code String.valueOf(l)} before the char at {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, long l) {
        return insert(offset, String.valueOf(l));
    }

    /**
     * Inserts {@code String.valueOf(f)} before the char at {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, float f) {
        return insert(offset, String.valueOf(f));
    }

    /**
     * Inserts {@code String.valueOf(d)} before the char at {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, double d) {
        return insert(offset, String.valueOf(d));
    }

    /**
     * Inserts {@code String.valueOf(obj)} ({@code "null"} for null) before the char at
     * {@code offset}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code offset < 0 || offset > length()}
     */
    public CowString insert(int offset, Object obj) {
        return insert(offset, String.valueOf(obj));
    }

    /** Inserts {@code c} at a checked {@code index}. */
    private CowString insertChar(int index, char c) {
        byte newCoder = (byte) (coder | coderOf(c));
        putChar(openRange(index, index, 1, newCoder), newCoder, index, c);
        return this;
    }

    /** Inserts {@code s[from, to)} at a checked {@code index}; the range of {@code s} is checked. */
    private CowString insertText(int index, CharSequence s, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return this;
        }
        if (s == this) {
            // openRange moves this very text: insert a copy of the range instead.
            return insertText(index, substring(from, to), 0, count);
        }
        if (s instanceof CowString) {
            return insertText(index, (CowString) s, from, to);
        }
        byte newCoder = coder == UTF16 || !canEncodeLatin1(s, from, to) ? UTF16 : LATIN1;
        putChars(openRange(index, index, count, newCoder), newCoder, index, s, from, to);
        return this;
    }

    /**
     * Inserts {@code other[from, to)}, another handle, copying from its buffer, which this write
     * never changes: if this handle shares it, this handle detaches first.
     */
    private CowString insertText(int index, CowString other, int from, int to) {
        byte[] src = other.value;
        byte srcCoder = other.coder;
        int count = to - from;
        // A wide buffer may hold a range of narrow chars: they stay narrow here.
        boolean narrow = srcCoder == LATIN1 || coder == LATIN1 && Utf16Bytes.canEncodeLatin1(src, from, to);
        byte newCoder = narrow ? coder : UTF16;
        byte[] v = openRange(index, index, count, newCoder);
        if (srcCoder == newCoder) {
            System.arraycopy(src, from << srcCoder, v, index << newCoder, count << newCoder);
        } else if (srcCoder == LATIN1) {
            Latin1Bytes.inflate(src, from, v, index, count);
        } else {
            Utf16Bytes.compress(src, from, v, index, count);
        }
        return this;
    }

    /** Inserts {@code s[from, to)} at a checked {@code index}; the range of {@code s} is checked. */
    private CowString insertText(int index, char[] s, int from, int to) {
        int count = to - from;
        if (count == 0) {
            return this;
        }
        byte newCoder = coder == UTF16 || !Latin1Bytes.canEncode(s, from, to) ? UTF16 : LATIN1;
        putChars(openRange(index, index, count, newCoder), newCoder, index, s, from, to);
        return this;
    }

    /**
     * Removes the chars in {@code [start, end)}; an {@code end} beyond the length counts as the
     * length. An empty range changes nothing.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code start < 0}, {@code start > length()} or
     *         {@code start > end}
     */
    public CowString delete(int start, int end) {
        int n = length;
        int to = Math.min(end, n);
        StringChecks.checkFromToIndex(start, to, n);
        if (start < to) {
            openRange(start, to, 0, coder);
        }
        return this;
    }

    /**
     * Removes the char at {@code index}.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code index} is out of range
     */
    public CowString deleteCharAt(int index) {
        StringChecks.checkIndex(index, length);
        openRange(index, index + 1, 0, coder);
        return this;
    }

    /**
     * Replaces the chars in {@code [start, end)} with those of {@code str}; an {@code end} beyond
     * the length counts as the length. Replacing a range with the text already there changes
     * nothing.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code start < 0}, {@code start > length()} or
     *         {@code start > end}
     * @throws NullPointerException if {@code str} is null
     */
    public CowString replace(int start, int end, String str) {
        int n = length;
        int to = Math.min(end, n);
        StringChecks.checkFromToIndex(start, to, n);
        int count = str.length();
        if (count == to - start && regionMatches(start, str)) {
            return this;
        }
        byte newCoder = coder == UTF16 || !Latin1Bytes.canEncode(str, 0, count) ? UTF16 : LATIN1;
        putChars(openRange(start, to, count, newCoder), newCoder, start, str, 0, count);
        return this;
    }

    /**
     * Sets the char at {@code index} to {@code ch}. Setting the char already there changes
     * nothing.
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code index} is out of range
     */
    public CowString setCharAt(int index, char ch) {
        StringChecks.checkIndex(index, length);
        byte[] v = value;
        byte c = coder;
        if (charAt(v, c, index) == ch) {
            return this;
        }
        if (knownUnique && (c == UTF16 || Latin1Bytes.canEncode(ch))) {
            putChar(v, c, index, ch);
            hashKnown = false;
            return this;
        }
        byte newCoder = (byte) (c | coderOf(ch));
        putChar(openRange(index, index + 1, 1, newCoder), newCoder, index, ch);
        return this;
    }

    /**
     * Sets the length: a shorter length drops the chars beyond it, a longer one appends null
     * chars (U+0000).
     *
     * @return this string
     * @throws StringIndexOutOfBoundsException if {@code newLength} is negative
     */
    public CowString setLength(int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        int n = length;
        if (newLength < n) {
            openRange(newLength, n, 0, coder);
        } else if (newLength > n) {
            byte c = coder;
            byte[] v = openRange(n, n, newLength - n, c);
            // An unshared buffer may hold old chars beyond the length.
            Arrays.fill(v, n << c, newLength << c, (byte) 0);
        }
        return this;
    }

    /**
     * Reverses the chars, keeping each surrogate pair in order, as
     * {@link StringBuilder#reverse()} does. Reversing a palindrome changes nothing: on a shared
     * handle the reversal runs into a new buffer, which the handle keeps only if it differs.
     *
     * @return this string
     */
    public CowString reverse() {
        int n = length;
        if (n < 2) {
            return this;
        }
        byte[] v = value;
        byte c = coder;
        if (isUnique()) {
            if (c == LATIN1) {
                Latin1Bytes.reverse(v, n);
            } else {
                Utf16Bytes.reverse(v, n);
            }
            hashKnown = false;
            return this;
        }
        byte[] reversed = new byte[v.length];
        if (c == LATIN1) {
            Latin1Bytes.reverseInto(v, reversed, n);
        } else {
            Utf16Bytes.reverseInto(v, reversed, n);
        }
        if (!Arrays.equals(v, 0, n << c, reversed, 0, n << c)) {
            CopyEvents.detached(CowString.class, CopyEvents.BUFFER, refCount, n, (long) n << c);
            detachTo(reversed, c);
            hashKnown = false;
        }
        return this;
    }

    /**
     * Makes sure the string holds at least {@code minimumCapacity} chars of its current width
     * without reallocating. On a shared handle, a capacity beyond the shared buffer's detaches
     * into a buffer of that capacity, so the appends that follow copy nothing; anything less
     * changes nothing.
     *
     * @return this string
     * @throws OutOfMemoryError if the capacity exceeds the longest array the VM allows
     */
    public CowString ensureCapacity(int minimumCapacity) {
        byte[] v = value;
        byte c = coder;
        int capacity = v.length >> c;
        if (minimumCapacity > capacity) {
            int n = length;
            byte[] larger = new byte[newCapacity(capacity, n, minimumCapacity - n, c) << c];
            System.arraycopy(v, 0, larger, 0, n << c);
            if (isUnique()) {
                value = larger;
            } else {
                CopyEvents.detached(CowString.class, CopyEvents.BUFFER, refCount, n, (long) n << c);
                detachTo(larger, c);
            }
        }
        return this;
    }

    /**
     * Trims the buffer to the length. A shared buffer belongs to every handle on it, so on a
     * shared handle this does nothing.
     *
     * @return this string
     */
    public CowString trimToSize() {
        int used = length << coder;
        if (used < value.length && isUnique()) {
            value = Arrays.copyOf(value, used);
        }
        return this;
    }

    /**
     * Removes every char. On a shared handle this gives the share back and points the handle at
     * the static empty buffer, in O(1); on an unshared one it keeps the buffer for the text to
     * come, and reads it as Latin-1 again.
     *
     * @return this string
     */
    public CowString clear() {
        if (length == 0) {
            return this;
        }
        if (isUnique()) {
            coder = LATIN1;
        } else {
            RefCount oldCount = refCount;
            value = EMPTY_VALUE;
            coder = LATIN1;
            refCount = RefCount.IMMORTAL;
            knownUnique = false;
            oldCount.release();
        }
        length = 0;
        hashKnown = false;
        return this;
    }

    // Query Operations

    @Override
    public int length() {
        return length;
    }

    /** Whether the length is zero. */
    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    /** How many chars of the current width the buffer holds before it reallocates. */
    public int capacity() {
        return value.length >> coder;
    }

    /** @throws StringIndexOutOfBoundsException if {@code index} is out of range */
    @Override
    public char charAt(int index) {
        StringChecks.checkIndex(index, length);
        return charAt(value, coder, index);
    }

    /**
     * The code point at {@code index}: a surrogate pair that starts there counts as one.
     *
     * @throws StringIndexOutOfBoundsException if {@code index} is out of range
     */
    public int codePointAt(int index) {
        StringChecks.checkIndex(index, length);
        return coder == LATIN1 ? value[index] & 0xff : Utf16Bytes.codePointAt(value, index, length);
    }

    /**
     * The code point that ends just before {@code index}: a surrogate pair that ends there counts
     * as one.
     *
     * @throws StringIndexOutOfBoundsException if {@code index < 1 || index > length()}
     */
    public int codePointBefore(int index) {
        if (index < 1 || index > length) {
            throw new StringIndexOutOfBoundsException(
                    "index: " + index + " (expected: 1 to " + length + " for codePointBefore)");
        }
        return coder == LATIN1 ? value[index - 1] & 0xff : Utf16Bytes.codePointBefore(value, index);
    }

    /**
     * The number of code points in {@code [beginIndex, endIndex)}; a lone surrogate counts as one.
     *
     * @throws IndexOutOfBoundsException if the range is out of bounds
     */
    public int codePointCount(int beginIndex, int endIndex) {
        Objects.checkFromToIndex(beginIndex, endIndex, length);
        return coder == LATIN1 ? endIndex - beginIndex : Utf16Bytes.codePointCount(value, beginIndex, endIndex);
    }

    /**
     * The index {@code codePointOffset} code points away from {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is out of {@code [0, length()]}, or the
     *         text has fewer code points than {@code codePointOffset} in that direction
     */
    public int offsetByCodePoints(int index, int codePointOffset) {
        int n = length;
        Checks.checkPositionIndex(index, n);
        int result;
        if (coder == LATIN1) {
            long target = (long) index + codePointOffset;
            result = target < 0 || target > n ? -1 : (int) target;
        } else {
            result = Utf16Bytes.offsetByCodePoints(value, n, index, codePointOffset);
        }
        if (result < 0) {
            throw new IndexOutOfBoundsException("codePointOffset: " + codePointOffset + " from index " + index
                    + " leaves the text of length " + n);
        }
        return result;
    }

    /**
     * Copies the chars in {@code [srcBegin, srcEnd)} to {@code dst} from {@code dstBegin}.
     *
     * @throws StringIndexOutOfBoundsException if the source range is out of bounds
     * @throws IndexOutOfBoundsException if the destination range is out of bounds
     * @throws NullPointerException if {@code dst} is null
     */
    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        StringChecks.checkFromToIndex(srcBegin, srcEnd, length);
        Objects.checkFromIndexSize(dstBegin, srcEnd - srcBegin, dst.length);
        if (coder == LATIN1) {
            Latin1Bytes.getChars(value, srcBegin, srcEnd, dst, dstBegin);
        } else {
            Utf16Bytes.getChars(value, srcBegin, srcEnd, dst, dstBegin);
        }
    }

    /**
     * The index of the first occurrence of the code point {@code ch}, or -1, as
     * {@link String#indexOf(int)}.
     */
    public int indexOf(int ch) {
        return indexOf(ch, 0);
    }

    /**
     * The index of the first occurrence of the code point {@code ch} at or after
     * {@code fromIndex}, or -1, as {@link String#indexOf(int, int)}: a negative
     * {@code fromIndex} counts as zero.
     */
    public int indexOf(int ch, int fromIndex) {
        int n = length;
        int from = Math.max(fromIndex, 0);
        if (from >= n) {
            return -1;
        }
        if (coder == LATIN1 ? Latin1Bytes.canEncode(ch) : Character.isBmpCodePoint(ch)) {
            return indexOfChar((char) ch, from, n);
        }
        if (coder == LATIN1) {
            return -1;
        }
        if (!Character.isValidCodePoint(ch)) {
            return -1;
        }
        return indexOf(String.valueOf(Character.toChars(ch)), from);
    }

    /** The index of the last occurrence of the code point {@code ch}, or -1, as {@link String#lastIndexOf(int)}. */
    public int lastIndexOf(int ch) {
        return lastIndexOf(ch, length - 1);
    }

    /**
     * The index of the last occurrence of the code point {@code ch} at or before
     * {@code fromIndex}, or -1, as {@link String#lastIndexOf(int, int)}: a {@code fromIndex}
     * beyond the text counts as its last index.
     */
    public int lastIndexOf(int ch, int fromIndex) {
        int from = Math.min(fromIndex, length - 1);
        if (from < 0) {
            return -1;
        }
        if (coder == LATIN1 ? Latin1Bytes.canEncode(ch) : Character.isBmpCodePoint(ch)) {
            return lastIndexOfChar((char) ch, from);
        }
        if (coder == LATIN1) {
            return -1;
        }
        if (!Character.isValidCodePoint(ch)) {
            return -1;
        }
        return lastIndexOf(String.valueOf(Character.toChars(ch)), from);
    }

    /**
     * The index of the first occurrence of {@code str}, or -1, as {@link String#indexOf(String)}.
     *
     * @throws NullPointerException if {@code str} is null
     */
    public int indexOf(String str) {
        return indexOf(str, 0);
    }

    /**
     * The index of the first occurrence of {@code str} at or after {@code fromIndex}, or -1, as
     * {@link String#indexOf(String, int)}.
     *
     * @throws NullPointerException if {@code str} is null
     */
    public int indexOf(String str, int fromIndex) {
        int n = length;
        int m = str.length();
        int from = Math.max(fromIndex, 0);
        if (from >= n) {
            return m == 0 ? n : -1;
        }
        if (m == 0) {
            return from;
        }
        if (m > n - from) {
            return -1;
        }
        if (coder == LATIN1 && !Latin1Bytes.canEncode(str, 0, m)) {
            return -1;
        }
        int lastStart = n - m;
        char first = str.charAt(0);
        if (m == 1) {
            return indexOfChar(first, from, n);
        }
        char last = str.charAt(m - 1);
        for (int i = from; i <= lastStart; i++) {
            i = coder == LATIN1
                    ? WordScan.indexOfBytePair(value, (byte) first, (byte) last, m - 1, i, lastStart + 1)
                    : WordScan.indexOfCharPair(value, first, last, m - 1, i, lastStart + 1);
            if (i < 0) {
                return -1;
            }
            if (regionMatches(i, str)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the last occurrence of {@code str}, or -1, as {@link String#lastIndexOf(String)}.
     *
     * @throws NullPointerException if {@code str} is null
     */
    public int lastIndexOf(String str) {
        return lastIndexOf(str, length);
    }

    /**
     * The index of the last occurrence of {@code str} at or before {@code fromIndex}, or -1, as
     * {@link String#lastIndexOf(String, int)}.
     *
     * @throws NullPointerException if {@code str} is null
     */
    public int lastIndexOf(String str, int fromIndex) {
        int m = str.length();
        int from = Math.min(fromIndex, length - m);
        if (from < 0) {
            return -1;
        }
        if (m == 0) {
            return from;
        }
        if (coder == LATIN1 && !Latin1Bytes.canEncode(str, 0, m)) {
            return -1;
        }
        char first = str.charAt(0);
        for (int i = from; i >= 0; i--) {
            i = lastIndexOfChar(first, i);
            if (i < 0) {
                return -1;
            }
            if (regionMatches(i, str)) {
                return i;
            }
        }
        return -1;
    }

    /** The first index in {@code [from, to)} that holds {@code c}, which fits the buffer's width, or -1. */
    private int indexOfChar(char c, int from, int to) {
        return coder == LATIN1 ? WordScan.indexOfByte(value, (byte) c, from, to) : WordScan.indexOfChar(value, c, from, to);
    }

    /** The last index in {@code [0, from]} that holds {@code c}, which fits the buffer's width, or -1. */
    private int lastIndexOfChar(char c, int from) {
        return coder == LATIN1 ? WordScan.lastIndexOfByte(value, (byte) c, from) : WordScan.lastIndexOfChar(value, c, from);
    }

    /**
     * Whether {@code s} occurs in this text.
     *
     * @throws NullPointerException if {@code s} is null
     */
    public boolean contains(CharSequence s) {
        return indexOf(s.toString()) >= 0;
    }

    /**
     * Whether the text starts with {@code prefix}.
     *
     * @throws NullPointerException if {@code prefix} is null
     */
    public boolean startsWith(String prefix) {
        return startsWith(prefix, 0);
    }

    /**
     * Whether {@code prefix} occurs at {@code toffset}; false for a {@code toffset} out of range,
     * as {@link String#startsWith(String, int)}.
     *
     * @throws NullPointerException if {@code prefix} is null
     */
    public boolean startsWith(String prefix, int toffset) {
        return toffset >= 0 && toffset <= length - prefix.length() && regionMatches(toffset, prefix);
    }

    /**
     * Whether the text ends with {@code suffix}.
     *
     * @throws NullPointerException if {@code suffix} is null
     */
    public boolean endsWith(String suffix) {
        return startsWith(suffix, length - suffix.length());
    }

    /** Whether the chars from {@code index} are those of {@code s}; the caller checked the bounds. */
    private boolean regionMatches(int index, String s) {
        return coder == LATIN1 ? Latin1Bytes.regionMatches(value, index, s) : Utf16Bytes.regionMatches(value, index, s);
    }

    /**
     * The chars from {@code beginIndex} to the end, as a String.
     *
     * @throws StringIndexOutOfBoundsException if {@code beginIndex < 0 || beginIndex > length()}
     */
    public String substring(int beginIndex) {
        return substring(beginIndex, length);
    }

    /**
     * The chars in {@code [beginIndex, endIndex)}, as a String.
     *
     * @throws StringIndexOutOfBoundsException if the range is out of bounds
     */
    public String substring(int beginIndex, int endIndex) {
        StringChecks.checkFromToIndex(beginIndex, endIndex, length);
        return newString(beginIndex, endIndex - beginIndex);
    }

    /**
     * The chars in {@code [start, end)}, as a String, like {@code StringBuilder.subSequence}.
     *
     * @throws StringIndexOutOfBoundsException if the range is out of bounds
     */
    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    private String newString(int from, int count) {
        return coder == LATIN1 ? Latin1Bytes.newString(value, from, count) : Utf16Bytes.newString(value, from, count);
    }

    /**
     * The chars, as ints. The stream binds to the text when its terminal operation starts; writes
     * through this handle after that leave the stream's result unspecified, as with
     * {@code StringBuilder}, while writes through other handles never disturb it.
     */
    @Override
    public IntStream chars() {
        return StreamSupport.intStream(
                () -> new CharSpliterator(value, coder, 0, length), CharSpliterator.CHARACTERISTICS, false);
    }

    /**
     * The code points: a surrogate pair is one, a lone surrogate is its own. It binds as
     * {@link #chars()} does.
     */
    @Override
    public IntStream codePoints() {
        return StreamSupport.intStream(() -> coder == LATIN1
                ? new CharSpliterator(value, LATIN1, 0, length)
                : new CodePointSpliterator(value, 0, length), Spliterator.ORDERED, false);
    }

    // Comparison and hashing

    /**
     * Compares the texts as {@link String#compareTo(String)} does: the difference of the first
     * differing chars, else the difference of the lengths.
     *
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public int compareTo(CowString other) {
        if (other == this) {
            return 0;
        }
        byte[] a = value;
        byte[] b = other.value;
        int aLength = length;
        int bLength = other.length;
        if (coder == other.coder) {
            return coder == LATIN1 ? Latin1Bytes.compare(a, aLength, b, bLength) : Utf16Bytes.compare(a, aLength, b, bLength);
        }
        return coder == UTF16
                ? Utf16Bytes.compareToLatin1(a, aLength, b, bLength)
                : -Utf16Bytes.compareToLatin1(b, bLength, a, aLength);
    }

    /**
     * Whether {@code s} holds the same chars: a {@code String}, a {@code StringBuilder}, another
     * {@code CowString} or any other {@code CharSequence}.
     *
     * @throws NullPointerException if {@code s} is null
     */
    public boolean contentEquals(CharSequence s) {
        if (s instanceof CowString) {
            return sameText((CowString) s);
        }
        int n = length;
        if (s.length() != n) {
            return false;
        }
        return coder == LATIN1 ? Latin1Bytes.contentEquals(value, n, s) : Utf16Bytes.contentEquals(value, n, s);
    }

    /**
     * Whether {@code o} is a {@code CowString} with the same chars. A {@code String} with the same
     * chars is not equal, as a {@code String} is never equal to a {@code StringBuilder}; use
     * {@link #contentEquals(CharSequence)} for that. Two handles on one buffer are equal in O(1).
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof CowString && sameText((CowString) o);
    }

    private boolean sameText(CowString other) {
        int n = length;
        if (n != other.length || hashKnown && other.hashKnown && hash != other.hash) {
            return false;
        }
        byte[] a = value;
        byte[] b = other.value;
        if (coder == other.coder) {
            return a == b || Arrays.equals(a, 0, n << coder, b, 0, n << coder);
        }
        return coder == UTF16 ? Utf16Bytes.equalsLatin1(a, b, n) : Utf16Bytes.equalsLatin1(b, a, n);
    }

    /**
     * {@code toString().hashCode()}, computed from the buffer without making the String, and
     * cached until the next write.
     */
    @Override
    public int hashCode() {
        if (!hashKnown) {
            hash = coder == LATIN1 ? Latin1Bytes.hashCode(value, length) : Utf16Bytes.hashCode(value, length);
            hashKnown = true;
        }
        return hash;
    }

    /** The text, as a new String: one copy of a Latin-1 buffer, as {@code StringBuilder.toString} makes. */
    @Override
    public String toString() {
        return newString(0, length);
    }

    // Serialization

    /**
     * @serialData the length ({@code int}), the coder ({@code byte}: 0 for Latin-1, 1 for
     *     UTF-16), then the chars: one byte each for Latin-1, two bytes each, big-endian, for
     *     UTF-16
     */
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        int n = length;
        out.writeInt(n);
        out.writeByte(coder);
        if (coder == LATIN1) {
            out.write(value, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                out.writeChar(Utf16Bytes.getChar(value, i));
            }
        }
    }

    /**
     * Reads what {@link #writeObject} wrote, trusting the length only as far as chars arrive:
     * the buffer grows with what has been read, so a stream that claims two billion chars and
     * holds three costs three, and ends in {@link InvalidObjectException}.
     */
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int n;
        byte c;
        try {
            n = in.readInt();
            c = in.readByte();
        } catch (EOFException | StreamCorruptedException e) {
            throw MalformedStream.endsBefore("its length and coder", e);
        }
        if (c != LATIN1 && c != UTF16) {
            throw new InvalidObjectException("coder: " + c + " (expected: 0 for Latin-1 or 1 for UTF-16)");
        }
        int max = c == LATIN1 ? ArrayGrowth.SOFT_MAX_LENGTH : Utf16Bytes.MAX_LENGTH;
        if (n < 0 || n > max) {
            throw new InvalidObjectException("length: " + n + " (expected: 0 to " + max + ")");
        }
        int total = n << c;
        byte[] v = new byte[Math.min(total, FIRST_READ_BYTES)];
        try {
            for (int read = 0; read < total; ) {
                if (read == v.length) {
                    v = Arrays.copyOf(v, (int) Math.min(total, 2L * read));
                }
                in.readFully(v, read, v.length - read);
                read = v.length;
            }
        } catch (EOFException | StreamCorruptedException e) {
            throw MalformedStream.endsBefore("the " + n + " chars it announced", e);
        }
        if (c == UTF16) {
            Utf16Bytes.fromBigEndian(v, n);
        }
        value = EMPTY_VALUE;
        coder = LATIN1;
        refCount = RefCount.IMMORTAL;
        if (n > 0) {
            adopt(v, c, n);
        }
    }
}
