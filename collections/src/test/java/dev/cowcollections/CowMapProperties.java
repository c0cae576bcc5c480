package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowcollections.CollidingKeys.Filter;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of every kind of map operation, over a pool of handles that copy each other,
 * some of them in the middle of a write. Keys mix {@code null}, small Integers and twenty
 * keys of each of two exact hash codes, Comparable and not (see {@link CollidingKeys}), so
 * collision trees form, grow, shrink, detach and are serialized. After every step each handle
 * must equal its own {@code LinkedHashMap} model key for key and value for value, by reference
 * and in order, answer every lookup as the model does, and share buffers as the copy history
 * says (see {@link MapPool}).
 */
class CowMapProperties {

    private static final String TREES = "collision trees: formed, grew, shrank, detached";

    private static final PoolActions<MapPool, Map<Object, Object>, CowMap<Object, Object>> ACTIONS = new PoolActions<>();

    @Property(tries = 1500)
    void everyHandleBehavesAsItsOwnLinkedHashMap(@ForAll("histories") ActionChain<MapPool> chain) {
        MapPool pool = chain.withInvariant("every handle matches its model and its copy history", MapPool::checkEveryHandle)
                .run();
        Statistics.label(TREES).collect(pool.treeHistory());
    }

    @Provide
    Arbitrary<ActionChain<MapPool>> histories() {
        return ACTIONS.histories(MapPool::new, actions(), 60);
    }

    /** What a remapping function returns: the value given to the call, the old value, null, or it throws. */
    enum Remap {
        GIVEN, OLD, NULL, THROWS;

        Object apply(Object old, Object given) {
            return switch (this) {
                case GIVEN -> given;
                case OLD -> old;
                case NULL -> null;
                case THROWS -> throw new IllegalStateException("remapping function throws");
            };
        }
    }

    static List<Action.Independent<MapPool>> actions() {
        List<Action.Independent<MapPool>> actions = new ArrayList<>();
        // Map's own writes
        actions.add(ACTIONS.growing(ACTIONS.write("put", keyValue(), kv -> m -> m.put(kv.key(), kv.value()))));
        actions.add(ACTIONS.write("put the value already there", seeds(), seed -> m -> m.isEmpty() ? null
                : m.put(keyAt(m, seed), m.get(keyAt(m, seed)))));
        actions.add(ACTIONS.write("put an equal value that is another object", seeds(), seed -> m -> m.isEmpty() ? null
                : m.put(keyAt(m, seed), MapPool.twin(m.get(keyAt(m, seed))))));
        actions.add(ACTIONS.growing(ACTIONS.write("putAll of a LinkedHashMap", maps(), source -> m -> {
            m.putAll(source);
            return null;
        })));
        actions.add(ACTIONS.onTwoSlots("putAll of the second handle into the first", (slot, source) -> pool -> pool.putAllFrom(slot, source)));
        actions.add(ACTIONS.write("remove", CollidingKeys.keys(), k -> m -> m.remove(k)));
        actions.add(ACTIONS.write("remove(key, value)", keyValue(), kv -> m -> m.remove(kv.key(), kv.value())));
        actions.add(ACTIONS.write("remove(key, an equal value)", seeds(), seed -> m -> m.isEmpty() ? null
                : m.remove(keyAt(m, seed), MapPool.twin(m.get(keyAt(m, seed))))));
        actions.add(ACTIONS.write("putIfAbsent", keyValue(), kv -> m -> m.putIfAbsent(kv.key(), kv.value())));
        actions.add(ACTIONS.write("replace", keyValue(), kv -> m -> m.replace(kv.key(), kv.value())));
        actions.add(ACTIONS.write("replace(key, old, new)", Combinators.combine(keyValue(), values()).as(KeyValueValue::new),
                kvv -> m -> m.replace(kvv.key(), kvv.value(), kvv.other())));
        actions.add(ACTIONS.write("replace(key, an equal old, new)", Combinators.combine(seeds(), values()).as(SeedValue::new),
                sv -> m -> m.isEmpty() ? null
                        : m.replace(keyAt(m, sv.seed()), MapPool.twin(m.get(keyAt(m, sv.seed()))), sv.value())));
        actions.add(ACTIONS.growing(ACTIONS.write("compute", remapped(), r -> m -> m.compute(r.key(), (k, old) -> r.remap().apply(old, r.value())))));
        actions.add(ACTIONS.write("computeIfAbsent", remapped(), r -> m -> m.computeIfAbsent(r.key(), k -> r.remap().apply(null, r.value()))));
        actions.add(ACTIONS.write("computeIfPresent", remapped(), r -> m -> m.computeIfPresent(r.key(), (k, old) -> r.remap().apply(old, r.value()))));
        actions.add(ACTIONS.growing(ACTIONS.write("merge", remapped(), r -> m -> m.merge(r.key(), r.value(), (old, given) -> r.remap().apply(old, given)))));
        actions.add(ACTIONS.copyingWrite("compute that copies the map first", remapped(), r -> (m, copyHere) -> m.compute(r.key(), (k, old) -> {
            copyHere.run();
            return r.remap().apply(old, r.value());
        })));
        actions.add(ACTIONS.copyingWrite("computeIfAbsent that copies the map first", remapped(), r -> (m, copyHere) ->
                m.computeIfAbsent(r.key(), k -> {
                    copyHere.run();
                    return r.remap().apply(null, r.value());
                })));
        actions.add(ACTIONS.copyingWrite("merge that copies the map first", remapped(), r -> (m, copyHere) ->
                m.merge(r.key(), r.value(), (old, given) -> {
                    copyHere.run();
                    return r.remap().apply(old, given);
                })));
        actions.add(ACTIONS.write("replaceAll of the filtered keys", filterValue(), fv -> m -> {
            m.replaceAll((k, old) -> fv.filter().test(k) ? fv.value() : old);
            return null;
        }));
        actions.add(ACTIONS.write("replaceAll that throws at the first filtered key", filterValue(), fv -> m -> {
            m.replaceAll((k, old) -> {
                if (fv.filter().test(k)) {
                    throw new IllegalStateException("replacing function throws");
                }
                return fv.value();
            });
            return null;
        }));
        actions.add(ACTIONS.copyingWrite("replaceAll that copies the map at the first filtered key", filterValue(), fv -> (m, copyHere) -> {
            boolean[] copied = {false};
            m.replaceAll((k, old) -> {
                if (!copied[0] && fv.filter().test(k)) {
                    copied[0] = true;
                    copyHere.run();
                }
                return copied[0] ? fv.value() : old;
            });
            return null;
        }));
        actions.add(ACTIONS.onSlot("clear", slot -> pool -> pool.clear(slot, Map::clear)));
        actions.add(ACTIONS.onSlot("clear through keySet()", slot -> pool -> pool.clear(slot, m -> m.keySet().clear())));
        actions.add(ACTIONS.onSlot("clear through entrySet()", slot -> pool -> pool.clear(slot, m -> m.entrySet().clear())));
        // Reads
        actions.add(ACTIONS.read("get, getOrDefault, containsKey, containsValue", keyValue(), kv -> m -> Arrays.asList(
                m.get(kv.key()), m.getOrDefault(kv.key(), kv.value()), m.containsKey(kv.key()), m.containsValue(kv.value()))));
        // Views
        actions.add(ACTIONS.write("keySet().remove", CollidingKeys.keys(), k -> m -> m.keySet().remove(k)));
        actions.add(ACTIONS.write("keySet().removeIf", CollidingKeys.keyFilters(), f -> m -> m.keySet().removeIf(f)));
        actions.add(ACTIONS.write("keySet().retainAll", CollidingKeys.keyLists(), ks -> m -> m.keySet().retainAll(ks)));
        actions.add(ACTIONS.write("keySet().removeAll", CollidingKeys.keyLists(), ks -> m -> m.keySet().removeAll(ks)));
        actions.add(ACTIONS.write("values().remove", values(), v -> m -> m.values().remove(v)));
        actions.add(ACTIONS.write("values().removeIf", valueFilters(), f -> m -> m.values().removeIf(f)));
        actions.add(ACTIONS.write("values().retainAll", values().list().ofMaxSize(4), vs -> m -> m.values().retainAll(vs)));
        actions.add(ACTIONS.write("entrySet().remove", keyValue(), kv -> m -> m.entrySet().remove(new AbstractMap.SimpleEntry<>(kv.key(), kv.value()))));
        actions.add(ACTIONS.write("entrySet().removeIf", Combinators.combine(CollidingKeys.keyFilters(), valueFilters()).as(KeyAndValueFilter::new),
                kvf -> m -> m.entrySet().removeIf(e -> kvf.keys().test(e.getKey()) && kvf.values().test(e.getValue()))));
        actions.add(ACTIONS.write("keySet iterator remove every d-th", divisors(), d -> m -> PoolActions.removeEveryDth(m.keySet(), d)));
        actions.add(ACTIONS.write("values iterator remove every d-th", divisors(), d -> m -> PoolActions.removeEveryDth(m.values(), d)));
        actions.add(ACTIONS.write("entrySet iterator remove every d-th", divisors(), d -> m -> PoolActions.removeEveryDth(m.entrySet(), d)));
        actions.add(ACTIONS.write("Entry.setValue on every d-th, the same value on the others", Combinators.combine(divisors(), values())
                .as(DivisorValue::new), dv -> m -> {
                    List<Object> returned = new ArrayList<>();
                    int i = 0;
                    for (Map.Entry<Object, Object> e : m.entrySet()) {
                        returned.add(e.setValue(i++ % dv.divisor() == 0 ? dv.value() : e.getValue()));
                    }
                    return returned;
                }));
        actions.add(ACTIONS.copyingWrite("entrySet iteration that copies the map at the d-th entry, then sets and removes",
                Combinators.combine(divisors(), values()).as(DivisorValue::new), dv -> (m, copyHere) -> {
                    List<Object> returned = new ArrayList<>();
                    int i = 0;
                    for (Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator(); it.hasNext(); i++) {
                        Map.Entry<Object, Object> e = it.next();
                        if (i == dv.divisor() - 1) {
                            copyHere.run();
                        }
                        if (i % 2 == 0) {
                            returned.add(e.setValue(dv.value()));
                        } else if (i % 3 == 0) {
                            it.remove();
                        }
                    }
                    return returned;
                }));
        actions.add(ACTIONS.write("Entry.setValue after a removal and a growth", Combinators.combine(maps(), values())
                .as(MapValue::new), mv -> m -> {
                    List<Map.Entry<Object, Object>> held = new ArrayList<>(m.entrySet());
                    List<Object> seen = MapPool.entries(m);
                    List<Object> returned = new ArrayList<>();
                    if (held.isEmpty()) {
                        return returned;
                    }
                    Object removed = held.get(0).getKey();
                    returned.add(m.remove(removed));
                    mv.map().forEach((k, v) -> {
                        if (k != removed && (k == null || !k.equals(removed))) {
                            m.put(k, v);
                        }
                    });
                    for (int i = 0; i < held.size(); i++) {
                        if (m instanceof CowMap) {
                            Map.Entry<Object, Object> e = held.get(i);
                            returned.add(e.setValue(mv.value()));
                            returned.add(e.getValue());
                        } else {
                            // A LinkedHashMap entry is undefined after a structural change (a bin
                            // that turns into a tree replaces its nodes), so the model spells out
                            // what CowMap's Entry promises: it writes through while its key is in
                            // the map, and keeps the last value it saw once the key is removed.
                            Object key = seen.get(2 * i);
                            returned.add(m.containsKey(key) ? m.put(key, mv.value()) : seen.get(2 * i + 1));
                            returned.add(mv.value());
                        }
                    }
                    return returned;
                }));
        // Copies and fresh maps
        actions.add(ACTIONS.copier("copy", CowMap::copy));
        actions.add(ACTIONS.copier("clone", CowMap::clone));
        actions.add(ACTIONS.copier("copyOf", CowMap::copyOf));
        actions.add(ACTIONS.copier("sharing constructor", CowMap::new));
        actions.add(ACTIONS.onSlot("new CowMap of a LinkedHashMap", slot -> pool -> {
            Map<Object, Object> contents = new LinkedHashMap<>(pool.model(slot));
            pool.replaceWithFresh(slot, new CowMap<>(contents), contents);
        }));
        actions.add(ACTIONS.onSlot("ofEntries of a handle's entries", slot -> pool -> {
            Map<Object, Object> contents = new LinkedHashMap<>(pool.model(slot));
            @SuppressWarnings("unchecked")
            Map.Entry<Object, Object>[] entries = contents.entrySet().stream()
                    .map(e -> new AbstractMap.SimpleEntry<>(e.getKey(), e.getValue())).toArray(Map.Entry[]::new);
            pool.replaceWithFresh(slot, CowMap.ofEntries(entries), contents);
        }));
        actions.add(ACTIONS.onSlot("serialization round trip", slot -> pool -> {
            CowMap<Object, Object> read = HandlePool.roundTrip(pool.handle(slot));
            assertEquals(pool.model(slot), read);
            assertEquals(MapPool.entries(pool.model(slot)), MapPool.entries(read), "the order survives serialization");
            assertTrue(!read.isShared() || read.isEmpty(), "a deserialized map owns its buffer");
            // Deserialization makes new key and value objects: the model adopts them.
            pool.replaceWithFresh(slot, read, new LinkedHashMap<>(read));
        }));
        return actions;
    }

    private static Object keyAt(Map<Object, Object> map, int seed) {
        Iterator<Object> it = map.keySet().iterator();
        for (int i = seed % map.size(); i > 0; i--) {
            it.next();
        }
        return it.next();
    }

    // Arguments

    private static Arbitrary<Object> values() {
        return Arbitraries.of(MapPool.VALUES);
    }

    private static Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Arbitrary<Integer> divisors() {
        return Arbitraries.integers().between(1, 5);
    }

    static Arbitrary<KeyValue> keyValue() {
        return Combinators.combine(CollidingKeys.keys(), values()).as(KeyValue::new);
    }

    private static Arbitrary<Map<Object, Object>> maps() {
        return keyValue().list().ofMaxSize(10).map(kvs -> {
            Map<Object, Object> map = new LinkedHashMap<>();
            kvs.forEach(kv -> map.put(kv.key(), kv.value()));
            return map;
        });
    }

    private static Arbitrary<Remapped> remapped() {
        return Combinators.combine(CollidingKeys.keys(), values(), Arbitraries.of(Remap.class)).as(Remapped::new);
    }

    private static Arbitrary<FilterValue> filterValue() {
        return Combinators.combine(CollidingKeys.keyFilters(), values()).as(FilterValue::new);
    }

    /** Values that are null or a multiple of d, for d from 2 to 5, or none. */
    private static Arbitrary<Filter> valueFilters() {
        return Arbitraries.integers().between(1, 5).map(d -> d == 1 ? new Filter("nothing", v -> false)
                : new Filter("null or % " + d + " == 0", v -> v == null || (Integer) v % d == 0));
    }

    record KeyValue(Object key, Object value) {
    }

    private record KeyValueValue(KeyValue keyValue, Object other) {
        Object key() {
            return keyValue.key();
        }

        Object value() {
            return keyValue.value();
        }
    }

    private record SeedValue(int seed, Object value) {
    }

    private record Remapped(Object key, Object value, Remap remap) {
    }

    private record FilterValue(Filter filter, Object value) {
    }

    private record DivisorValue(int divisor, Object value) {
    }

    private record MapValue(Map<Object, Object> map, Object value) {
    }

    private record KeyAndValueFilter(Filter keys, Filter values) {
    }
}
