package dev.cowcollections;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of every {@code StringBuilder} mutator, over a pool of handles that copy each
 * other, with text drawn mostly from Latin-1 and sometimes from the rest of the BMP, supplementary
 * code points and lone surrogates, so that buffers widen in the middle of a sequence and while
 * they are shared. After every step each handle must hold its own {@code StringBuilder} model's
 * text, answer every query as {@code String} answers it on that text, and share buffers as the
 * copy history says (see {@link StringPool}). Indexes run one past each end, so bad input must
 * throw as {@code StringBuilder} throws and change nothing.
 */
class CowStringProperties {

    @Property(tries = 400)
    void everyHandleBehavesAsItsOwnStringBuilder(@ForAll("histories") ActionChain<StringPool> chain) {
        chain.withInvariant("every handle matches its model, String's answers and its copy history",
                StringPool::checkEveryHandle).run();
    }

    @Provide
    Arbitrary<ActionChain<StringPool>> histories() {
        ActionChainArbitrary<StringPool> chain = ActionChain.startWith(StringPool::new);
        for (Action<StringPool> action : actions()) {
            chain = chain.withAction(action);
        }
        return chain.withMaxTransformations(50);
    }

    /** The same edit, for the model and for the handle. */
    private record Edit(Consumer<StringBuilder> onModel, Consumer<CowString> onHandle) {
    }

    private static List<Action<StringPool>> actions() {
        List<Action<StringPool>> actions = new ArrayList<>();
        // Appends
        actions.add(edit("append(String)", textsOrNull(), (pool, t) -> new Edit(sb -> sb.append(t), s -> s.append(t))));
        actions.add(edit("append(char)", chars(), (pool, c) -> new Edit(sb -> sb.append(c), s -> s.append(c))));
        actions.add(edit("append(CharSequence)", texts(), (pool, t) -> new Edit(
                sb -> sb.append(new StringBuilder(t)), s -> s.append(new StringBuilder(t)))));
        actions.add(edit("append(CharSequence, start, end)", rangedTexts(), (pool, rt) -> new Edit(
                sb -> sb.append(rt.text(), rt.range().from(rt.text().length()), rt.range().to(rt.text().length())),
                s -> s.append(rt.text(), rt.range().from(rt.text().length()), rt.range().to(rt.text().length())))));
        actions.add(edit("append(char[])", texts(), (pool, t) -> new Edit(
                sb -> sb.append(t.toCharArray()), s -> s.append(t.toCharArray()))));
        actions.add(edit("append(char[], offset, len)", rangedTexts(), (pool, rt) -> new Edit(
                sb -> sb.append(rt.text().toCharArray(), rt.range().from(rt.text().length()), rt.range().size(rt.text().length())),
                s -> s.append(rt.text().toCharArray(), rt.range().from(rt.text().length()), rt.range().size(rt.text().length())))));
        actions.add(edit("append(int)", Arbitraries.integers(), (pool, i) -> new Edit(sb -> sb.append((int) i), s -> s.append((int) i))));
        actions.add(edit("append(long)", Arbitraries.longs(), (pool, l) -> new Edit(sb -> sb.append((long) l), s -> s.append((long) l))));
        actions.add(edit("append(float)", Arbitraries.floats(), (pool, f) -> new Edit(sb -> sb.append((float) f), s -> s.append((float) f))));
        actions.add(edit("append(double)", Arbitraries.doubles(), (pool, d) -> new Edit(sb -> sb.append((double) d), s -> s.append((double) d))));
        actions.add(edit("append(boolean)", Arbitraries.of(true, false), (pool, b) -> new Edit(sb -> sb.append((boolean) b), s -> s.append((boolean) b))));
        actions.add(edit("append(Object)", objects(), (pool, o) -> new Edit(sb -> sb.append(o), s -> s.append(o))));
        actions.add(edit("appendCodePoint", codePoints(), (pool, cp) -> new Edit(sb -> sb.appendCodePoint(cp), s -> s.appendCodePoint(cp))));
        actions.add(edit("append(CowString) of a handle", slots(), (pool, other) -> new Edit(
                sb -> sb.append(pool.text(other)), s -> s.append(pool.handle(other)))));
        actions.add(edit("append(CharSequence, start, end) of a handle", Combinators.combine(slots(), ranges()).as(SlotRange::new),
                (pool, sr) -> {
                    int n = pool.text(sr.slot()).length();
                    return new Edit(sb -> sb.append(pool.text(sr.slot()), sr.range().from(n), sr.range().to(n)),
                            s -> s.append(pool.handle(sr.slot()), sr.range().from(n), sr.range().to(n)));
                }));
        // Inserts
        actions.add(edit("insert(String)", positioned(textsOrNull()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), at.value()), s -> s.insert(at.position(s.length()), at.value()))));
        actions.add(edit("insert(char)", positioned(chars()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), (char) at.value()), s -> s.insert(at.position(s.length()), (char) at.value()))));
        actions.add(edit("insert(CharSequence)", positioned(texts()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), new StringBuilder(at.value())),
                s -> s.insert(at.position(s.length()), new StringBuilder(at.value())))));
        actions.add(edit("insert(CharSequence, start, end)", positioned(rangedTexts()), (pool, at) -> {
            String t = at.value().text();
            Range r = at.value().range();
            return new Edit(sb -> sb.insert(at.position(sb.length()), t, r.from(t.length()), r.to(t.length())),
                    s -> s.insert(at.position(s.length()), t, r.from(t.length()), r.to(t.length())));
        }));
        actions.add(edit("insert(char[])", positioned(texts()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), at.value().toCharArray()),
                s -> s.insert(at.position(s.length()), at.value().toCharArray()))));
        actions.add(edit("insert(char[], offset, len)", positioned(rangedTexts()), (pool, at) -> {
            char[] t = at.value().text().toCharArray();
            Range r = at.value().range();
            return new Edit(sb -> sb.insert(at.position(sb.length()), t, r.from(t.length), r.size(t.length)),
                    s -> s.insert(at.position(s.length()), t, r.from(t.length), r.size(t.length)));
        }));
        actions.add(edit("insert(int)", positioned(Arbitraries.integers()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), (int) at.value()), s -> s.insert(at.position(s.length()), (int) at.value()))));
        actions.add(edit("insert(long)", positioned(Arbitraries.longs()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), (long) at.value()), s -> s.insert(at.position(s.length()), (long) at.value()))));
        actions.add(edit("insert(float)", positioned(Arbitraries.floats()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), (float) at.value()), s -> s.insert(at.position(s.length()), (float) at.value()))));
        actions.add(edit("insert(double)", positioned(Arbitraries.doubles()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), (double) at.value()), s -> s.insert(at.position(s.length()), (double) at.value()))));
        actions.add(edit("insert(boolean)", positioned(Arbitraries.of(true, false)), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), (boolean) at.value()), s -> s.insert(at.position(s.length()), (boolean) at.value()))));
        actions.add(edit("insert(Object)", positioned(objects()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), at.value()), s -> s.insert(at.position(s.length()), at.value()))));
        actions.add(edit("insert(CowString) of a handle, this one too", positioned(slots()), (pool, at) -> new Edit(
                sb -> sb.insert(at.position(sb.length()), pool.text(at.value())),
                s -> s.insert(at.position(s.length()), pool.handle(at.value())))));
        // Removals and replacements
        actions.add(edit("delete", ranges(), (pool, r) -> new Edit(
                sb -> sb.delete(r.from(sb.length()), r.to(sb.length())), s -> s.delete(r.from(s.length()), r.to(s.length())))));
        actions.add(edit("delete to beyond the end", positioned(seeds()), (pool, at) -> new Edit(
                sb -> sb.delete(at.position(sb.length()), sb.length() + at.value()),
                s -> s.delete(at.position(s.length()), s.length() + at.value()))));
        actions.add(edit("deleteCharAt", positioned(seeds()), (pool, at) -> new Edit(
                sb -> sb.deleteCharAt(at.position(sb.length())), s -> s.deleteCharAt(at.position(s.length())))));
        actions.add(edit("replace", rangedTexts(), (pool, rt) -> new Edit(
                sb -> sb.replace(rt.range().from(sb.length()), rt.range().to(sb.length()), rt.text()),
                s -> s.replace(rt.range().from(s.length()), rt.range().to(s.length()), rt.text()))));
        actions.add(edit("replace with the text already there", ranges(), (pool, r) -> new Edit(
                sb -> sb.replace(r.from(sb.length()), r.to(sb.length()), within(sb, r)),
                s -> s.replace(r.from(s.length()), r.to(s.length()), within(s, r)))));
        actions.add(edit("setCharAt", positioned(chars()), (pool, at) -> new Edit(
                sb -> sb.setCharAt(at.position(sb.length()), at.value()), s -> s.setCharAt(at.position(s.length()), at.value()))));
        actions.add(edit("setCharAt to the char already there", positioned(seeds()), (pool, at) -> new Edit(
                sb -> sb.setCharAt(at.position(sb.length()), charOrZero(sb, at.position(sb.length()))),
                s -> s.setCharAt(at.position(s.length()), charOrZero(s, at.position(s.length()))))));
        actions.add(edit("setLength", positioned(seeds()), (pool, at) -> new Edit(
                sb -> sb.setLength(at.position(sb.length() + at.value() % 3)),
                s -> s.setLength(at.position(s.length() + at.value() % 3)))));
        actions.add(edit("reverse", Arbitraries.just(0), (pool, unused) -> new Edit(StringBuilder::reverse, CowString::reverse)));
        actions.add(onSlot("reverse a palindrome that a copy shares", slots(), (slot, other) -> pool -> {
            String text = pool.text(slot);
            pool.replaceWithText(slot, text + new StringBuilder(text).reverse());
            pool.share(slot, other, CowString::copy);
            pool.write(slot, StringBuilder::reverse, CowString::reverse);
        }));
        actions.add(edit("trimToSize", Arbitraries.just(0), (pool, unused) -> new Edit(StringBuilder::trimToSize, CowString::trimToSize)));
        actions.add(onSlot("ensureCapacity", seeds(), (slot, seed) -> pool ->
                pool.ensureCapacity(slot, seed % (2 * pool.handle(slot).capacity() + 3) - 1)));
        actions.add(onSlot("clear", Arbitraries.just(0), (slot, unused) -> pool -> pool.clear(slot)));
        // Copies
        actions.add(copier("copy", CowString::copy));
        actions.add(copier("clone", CowString::clone));
        actions.add(copier("copyOf", CowString::copyOf));
        actions.add(copier("sharing constructor", CowString::new));
        actions.add(onSlot("serialization round trip", Arbitraries.just(0), (slot, unused) -> pool ->
                pool.replaceWithFresh(slot, text -> HandlePool.roundTrip(pool.handle(slot)))));
        actions.add(onSlot("drop for new CowString(String)", Arbitraries.just(0), (slot, unused) -> pool ->
                pool.replaceWithFresh(slot, CowString::new)));
        actions.add(onSlot("drop for CowString.of(parts)", Arbitraries.just(0), (slot, unused) -> pool ->
                pool.replaceWithFresh(slot, text -> CowString.of(
                        text.substring(0, text.length() / 2), new StringBuilder(text.substring(text.length() / 2))))));
        actions.add(onSlot("drop for CowString.of(char[])", Arbitraries.just(0), (slot, unused) -> pool ->
                pool.replaceWithFresh(slot, text -> CowString.of(text.toCharArray()))));
        return actions;
    }

    private static String within(CharSequence text, Range r) {
        int n = text.length();
        int from = Math.max(0, r.from(n));
        return text.subSequence(Math.min(from, n), Math.max(Math.min(r.to(n), n), Math.min(from, n))).toString();
    }

    private static char charOrZero(CharSequence text, int index) {
        return index >= 0 && index < text.length() ? text.charAt(index) : 0;
    }

    // Actions

    private static <T> Action<StringPool> edit(String name, Arbitrary<T> arguments, BiFunction<StringPool, T, Edit> edit) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<StringPool>> transformer() {
                return Combinators.combine(slots(), arguments).as((slot, argument) -> Transformer.mutate(
                        name + "(" + argument + ") on handle " + slot, pool -> {
                            Edit e = edit.apply(pool, argument);
                            pool.write(slot, e.onModel(), e.onHandle());
                        }));
            }
        };
    }

    private static <T> Action<StringPool> onSlot(
            String name, Arbitrary<T> arguments, BiFunction<Integer, T, Consumer<StringPool>> step) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<StringPool>> transformer() {
                return Combinators.combine(slots(), arguments).as((slot, argument) -> Transformer.mutate(
                        name + "(" + argument + ") on handle " + slot, step.apply(slot, argument)));
            }
        };
    }

    private static Action<StringPool> copier(String name, Function<CowString, CowString> copier) {
        return new Action.Independent<>() {
            @Override
            public Arbitrary<Transformer<StringPool>> transformer() {
                return Combinators.combine(slots(), slots()).as((source, target) -> Transformer.mutate(
                        name + " of handle " + source + " into slot " + target,
                        pool -> pool.share(source, target, copier)));
            }
        };
    }

    // Arguments

    private static Arbitrary<Integer> slots() {
        return Arbitraries.integers().between(0, StringPool.HANDLES - 1);
    }

    private static Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, 1000);
    }

    /** Mostly Latin-1 (a few letters, so that searches find them, and the rest), sometimes wider. */
    private static Arbitrary<Integer> latin1CodePoints() {
        return Arbitraries.oneOf(Arbitraries.of((int) 'a', (int) 'b', 0xE9), Arbitraries.integers().between(0, 0xFF));
    }

    private static Arbitrary<Integer> wideCodePoints() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0x100, 0xD7FF),
                Arbitraries.integers().between(0xE000, 0xFFFF),
                Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT),
                Arbitraries.integers().between(Character.MIN_SURROGATE, Character.MAX_SURROGATE));
    }

    private static Arbitrary<String> texts() {
        Arbitrary<String> latin1 = latin1CodePoints().list().ofMaxSize(8).map(CowStringProperties::fromCodePoints);
        Arbitrary<String> mixed = Arbitraries.frequencyOf(Tuple.of(3, latin1CodePoints()), Tuple.of(1, wideCodePoints()))
                .list().ofMaxSize(8).map(CowStringProperties::fromCodePoints);
        return Arbitraries.frequencyOf(Tuple.of(4, latin1), Tuple.of(1, mixed));
    }

    private static Arbitrary<String> textsOrNull() {
        return texts().injectNull(0.05);
    }

    private static Arbitrary<Character> chars() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, latin1CodePoints().map(cp -> (char) (int) cp)),
                Tuple.of(1, Arbitraries.chars().range('\u0100', '\uffff')));
    }

    private static Arbitrary<Integer> codePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, latin1CodePoints()),
                Tuple.of(2, wideCodePoints()),
                Tuple.of(1, Arbitraries.of(-1, Character.MAX_CODE_POINT + 1)));
    }

    private static Arbitrary<Object> objects() {
        return Arbitraries.oneOf(texts().map(t -> (Object) new StringBuilder(t)), Arbitraries.integers().map(i -> i))
                .injectNull(0.2);
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    private static Arbitrary<Range> ranges() {
        return Combinators.combine(seeds(), seeds()).as(Range::new);
    }

    private static Arbitrary<RangedText> rangedTexts() {
        return Combinators.combine(ranges(), texts()).as(RangedText::new);
    }

    private static <T> Arbitrary<At<T>> positioned(Arbitrary<T> values) {
        return Combinators.combine(seeds(), values).as(At::new);
    }

    /**
     * A position in text of the length met at run time, from a length-independent seed: from -1
     * to one past the end, so that about one call in {@code length + 3} is out of range.
     */
    private static int position(int seed, int length) {
        return seed % (length + 3) - 1;
    }

    private record At<T>(int seed, T value) {
        int position(int length) {
            return CowStringProperties.position(seed, length);
        }
    }

    private record RangedText(Range range, String text) {
    }

    private record SlotRange(int slot, Range range) {
    }

    /** A range of text of the length met at run time, from two seeds; each end may be one out of range. */
    private record Range(int first, int second) {
        int from(int length) {
            return Math.min(position(first, length), position(second, length));
        }

        int to(int length) {
            return Math.max(position(first, length), position(second, length));
        }

        int size(int length) {
            return to(length) - from(length);
        }
    }
}
