package dev.cowcollections.withoutjfr;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowString;
import dev.cowcollections.CowTreeMap;
import dev.cowcollections.CowTreeSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A program that uses every public type of the library, copying and writing each so that every
 * detach site runs, for a runtime that may lack {@code jdk.jfr}. It prints the types it used and
 * whether {@code jdk.jfr} is in the boot layer; a class of {@code jdk.jfr} touched anywhere would
 * end it with a {@link NoClassDefFoundError} instead.
 */
public final class EveryPublicType {

    /** The public types this program uses, in the order it prints them. */
    public static final List<Class<?>> TYPES = List.of(CowList.class, CowMap.class, CowSet.class, CowString.class,
            CowTreeMap.class, CowTreeSet.class);

    private EveryPublicType() {
    }

    public static void main(String[] args) {
        CowList<String> list = CowList.of("a", "b", "c");
        CowList<String> listCopy = list.copy();
        listCopy.add("d");
        listCopy.remove(0);
        new CowList<String>().add("first");
        CowList<Integer> paged = new CowList<>(IntStream.range(0, 5000).boxed().collect(Collectors.toList()));
        CowList<Integer> pagedCopy = paged.copy();
        pagedCopy.set(0, -1);
        pagedCopy.add(5000);

        CowMap<String, Integer> map = new CowMap<>();
        map.put("a", 1);
        map.put("b", 2);
        CowMap<String, Integer> mapCopy = map.copy();
        mapCopy.put("c", 3);
        mapCopy.keySet().remove("a");

        CowSet<String> set = CowSet.of("x", "y");
        CowSet<String> setCopy = set.copy();
        setCopy.add("z");

        CowString text = CowString.of("hello");
        CowString textCopy = text.copy();
        textCopy.append(", world").reverse().ensureCapacity(100);
        new CowString().append('!');

        CowTreeMap<String, Integer> treeMap = CowTreeMap.of("b", 2, "a", 1);
        CowTreeMap<String, Integer> treeMapCopy = treeMap.copy();
        treeMapCopy.put("c", 3);
        treeMapCopy.remove("a");

        CowTreeSet<String> treeSet = CowTreeSet.of("q", "p");
        CowTreeSet<String> treeSetCopy = treeSet.copy();
        treeSetCopy.add("r");

        boolean jfrPresent = ModuleLayer.boot().findModule("jdk.jfr").isPresent();
        System.out.println("list=" + list + listCopy + " paged=" + paged.get(0) + "," + pagedCopy.get(0) + "," + pagedCopy.size()
                + " map=" + map + mapCopy + " set=" + set + setCopy + " text=" + text + "|" + textCopy
                + " treeMap=" + treeMap + treeMapCopy + " treeSet=" + treeSet + treeSetCopy);
        System.out.println("jdk.jfr present: " + jfrPresent);
        for (Class<?> type : TYPES) {
            System.out.println("used " + type.getName());
        }
    }
}
