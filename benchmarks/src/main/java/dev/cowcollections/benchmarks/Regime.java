package dev.cowcollections.benchmarks;

import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The JIT regime a lookup or insert benchmark runs in: {@value #MONO}, where the fork only ever
 * sees the benchmark's own key type, or {@value #POLY}, where the setup first drives every map and
 * set type with four other key types, as an application does long before any one map is hot.
 *
 * <p>{@code HashMap}'s calls of {@code hashCode} and {@code equals}, and the node types it meets,
 * are profiled once for every {@code HashMap} in the JVM. In a fork that only uses {@code Integer}
 * keys those call sites are monomorphic and inlined; in an application they are megamorphic.
 * The same lookup ratio read about 0.75 in one regime and 1.0 in the other, so a verdict must hold
 * in both. Driving happens in the setup, before the warm-up compiles anything, with enough calls
 * (thousands per call site and key type) for the interpreter's and C1's profiles to record every type.
 *
 * <p>Three rounds of driving pollute as twelve did, in half the time (a poly fork of {@code getHit}
 * took 0.55 s longer than a mono fork instead of 1.05 s): with {@code -XX:+PrintInlining}, a poly
 * fork of {@code CowMap.get} on random {@code Integer}s inlines {@code Integer.hashCode} at no hot
 * call site after either, against nine in a mono fork, and calls {@code equals} virtually; the
 * getHit and getMiss ratios at 1 000 read 1.36 and 1.52 after three rounds, 1.34 and 2.09 after
 * twelve.
 */
final class Regime {
    static final String MONO = "mono";
    static final String POLY = "poly";

    private static final int KEYS_PER_TYPE = 2_000;
    private static final int ROUNDS = 3;

    /** Where the driving's results go, so that the JIT cannot drop the calls that compute them. */
    private static volatile int consumed;

    private Regime() {
    }

    /** Drives every map and set type with other key types when {@code regime} is {@value #POLY}. */
    static void enter(String regime) {
        switch (regime) {
            case MONO:
                return;
            case POLY:
                drive(i -> "key-" + i);
                drive(i -> (long) i << 20);
                drive(i -> i * 0.5d);
                drive(i -> new UUID(i * 0x9E3779B97F4A7C15L, i));
                return;
            default:
                throw new IllegalArgumentException("regime: " + regime + " (expected: " + MONO + " or " + POLY + ")");
        }
    }

    /**
     * Fills, reads, copies, iterates and empties every map and set type with the keys {@code key}
     * makes; the lookups use equal keys made anew, so that {@code equals} is profiled too.
     */
    private static void drive(IntFunction<Object> key) {
        Object[] keys = new Object[KEYS_PER_TYPE];
        Object[] equalKeys = new Object[KEYS_PER_TYPE];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key.apply(i);
            equalKeys[i] = key.apply(i);
        }
        List<Map<Object, Object>> maps = List.of(new HashMap<>(), new LinkedHashMap<>(), new CowMap<>());
        List<Set<Object>> sets = List.of(new HashSet<>(), new LinkedHashSet<>(), new CowSet<>());
        int sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (Map<Object, Object> map : maps) {
                sink += driveMap(map, keys, equalKeys);
            }
            for (Set<Object> set : sets) {
                sink += driveSet(set, keys, equalKeys);
            }
        }
        consumed = sink;
    }

    private static int driveMap(Map<Object, Object> map, Object[] keys, Object[] equalKeys) {
        int found = 0;
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], keys[i]);
        }
        for (int i = 0; i < keys.length; i += 2) {
            if (map.get(equalKeys[i]) != null) {
                found++;
            }
            if (map.containsKey(equalKeys[i + 1])) {
                found++;
            }
        }
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            found += e.getKey().hashCode();
        }
        found += new HashMap<>(map).size() + new CowMap<>(map).size();
        for (int i = 0; i < keys.length; i += 2) {
            map.remove(keys[i]);
        }
        map.clear();
        return found;
    }

    private static int driveSet(Set<Object> set, Object[] keys, Object[] equalKeys) {
        int found = 0;
        for (Object key : keys) {
            set.add(key);
        }
        for (Object key : equalKeys) {
            if (set.contains(key)) {
                found++;
            }
        }
        for (Object e : set) {
            found += e.hashCode();
        }
        List<Object> copy = new ArrayList<>(set);
        set.removeAll(copy.subList(0, copy.size() / 2));
        set.clear();
        return found;
    }
}
