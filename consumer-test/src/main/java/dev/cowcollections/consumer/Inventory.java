package dev.cowcollections.consumer;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowString;

/**
 * An application class written against every public type of {@code dev.cowcollections}: its
 * getters hand out O(1) copies instead of defensive copies.
 */
public final class Inventory {

    private final CowString name;
    private final CowList<String> items = new CowList<>();
    private final CowSet<String> tags = new CowSet<>();
    private final CowMap<String, Integer> counts = new CowMap<>();

    public Inventory(CharSequence name) {
        this.name = new CowString(name);
    }

    /** Adds one of {@code item}, tagged. */
    public void add(String item, String tag) {
        items.add(item);
        tags.add(tag);
        counts.merge(item, 1, Integer::sum);
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
}
