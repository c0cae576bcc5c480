package dev.cowcollections.consumer;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowString;
import dev.cowcollections.CowTreeMap;
import dev.cowcollections.CowTreeSet;

/**
 * An application class written against every public type of {@code dev.cowcollections}: its
 * getters hand out O(1) copies instead of defensive copies.
 */
public final class Inventory {

    private final CowString name;
    private final CowList<String> items = new CowList<>();
    private final CowSet<String> tags = new CowSet<>();
    private final CowMap<String, Integer> counts = new CowMap<>();
    private final CowTreeMap<String, CowTreeSet<String>> itemsByTag = new CowTreeMap<>();

    public Inventory(CharSequence name) {
        this.name = new CowString(name);
    }

    /** Adds one of {@code item}, tagged. */
    public void add(String item, String tag) {
        items.add(item);
        tags.add(tag);
        counts.merge(item, 1, Integer::sum);
        itemsByTag.compute(tag, (t, sorted) -> {
            CowTreeSet<String> mine = sorted == null ? new CowTreeSet<>() : sorted.copy();
            mine.add(item);
            return mine;
        });
    }

    public CowString name() {
        return name.copy();
    }

    public CowList<String> items() {
        return items.copy();
    }

    public CowSet<String> tags() {
        return tags.copy();
    }

    public CowMap<String, Integer> counts() {
        return counts.copy();
    }

    /** The items under each tag, both in order. */
    public CowTreeMap<String, CowTreeSet<String>> itemsByTag() {
        return itemsByTag.copy();
    }
}
