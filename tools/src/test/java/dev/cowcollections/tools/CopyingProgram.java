package dev.cowcollections.tools;

import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowString;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A program with known copy costs, for the report to read back: call site {@code k} (1 to 12, one
 * lambda per line) writes {@code k} times to a fresh copy of a list of {@code 100 k} elements, so
 * it copies {@code 100 k²} elements; one more site detaches a small map, and one a short string.
 */
public final class CopyingProgram {

    static final int LIST_SITES = 12;

    private CopyingProgram() {
    }

    public static void main(String[] args) {
        List<Consumer<CowList<Integer>>> sites = List.of(
                list -> list.copy().add(1),
                list -> list.copy().add(2),
                list -> list.copy().add(3),
                list -> list.copy().add(4),
                list -> list.copy().add(5),
                list -> list.copy().add(6),
                list -> list.copy().add(7),
                list -> list.copy().add(8),
                list -> list.copy().add(9),
                list -> list.copy().add(10),
                list -> list.copy().add(11),
                list -> list.copy().add(12));
        for (int k = 1; k <= LIST_SITES; k++) {
            CowList<Integer> list = new CowList<>(IntStream.range(0, 100 * k).boxed().collect(Collectors.toList()));
            for (int i = 0; i < k; i++) {
                sites.get(k - 1).accept(list);
            }
        }
        CowMap<String, String> map = new CowMap<>();
        map.put("a", "A");
        map.copy().put("b", "B");
        CowString.of("0123456789").copy().append('!');
        new CowList<String>().add("the first write to a new list copies nothing and is not recorded");
    }
}
