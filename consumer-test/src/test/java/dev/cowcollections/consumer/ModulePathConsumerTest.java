package dev.cowcollections.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowString;
import dev.cowcollections.CowTreeMap;
import dev.cowcollections.CowTreeSet;
import dev.cowcollections.jackson.CowCollectionsModule;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs in the named module {@code dev.cowcollections.consumer} on the module path, so every use
 * here goes through the {@code module-info} of cow-collections and of its Jackson module.
 */
class ModulePathConsumerTest {

    @Test
    void theLibraryIsANamedModuleThatExportsOnlyItsPackage() {
        Module library = CowList.class.getModule();
        assertTrue(library.isNamed());
        assertEquals("dev.cowcollections", library.getName());
        assertEquals(java.util.Set.of("dev.cowcollections"), library.getDescriptor().exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(java.util.stream.Collectors.toSet()));
        assertEquals("dev.cowcollections.consumer", Inventory.class.getModule().getName());
    }

    @Test
    void everyPublicTypeWorksFromAnotherModule() {
        Inventory inventory = new Inventory("shop");
        inventory.add("apple", "fruit");
        inventory.add("apple", "fruit");
        inventory.add("leek", "vegetable");

        CowList<String> items = inventory.items();
        items.add("mine only");
        assertEquals(List.of("apple", "apple", "leek"), inventory.items());
        assertEquals(CowSet.of("fruit", "vegetable"), inventory.tags());
        assertEquals(Map.of("apple", 2, "leek", 1), inventory.counts());
        CowString name = inventory.name();
        name.append("!");
        assertEquals(new CowString("shop"), inventory.name());
        assertEquals(new CowString("shop!"), name);

        CowMap<String, CowList<String>> byTag = Stream.of("a1", "b1", "a2")
                .collect(CowMap.toCowMap(s -> s.substring(0, 1), s -> CowList.of(s),
                        (x, y) -> { CowList<String> both = x.copy(); both.addAll(y); return both; }));
        assertEquals(Map.of("a", List.of("a1", "a2"), "b", List.of("b1")), byTag);
        assertEquals(List.of(1, 2), Stream.of(1, 2).collect(CowList.toCowList()));
        assertFalse(Stream.of(1).collect(CowSet.toCowSet()).isShared());

        CowTreeMap<String, CowTreeSet<String>> byTagSorted = inventory.itemsByTag();
        assertEquals(Map.of("fruit", Set.of("apple"), "vegetable", Set.of("leek")), byTagSorted);
        assertEquals("fruit", byTagSorted.firstKey());
        byTagSorted.remove("fruit");
        assertEquals("fruit", inventory.itemsByTag().firstKey());
        assertEquals("a", Stream.of("b", "a").collect(CowTreeSet.toCowTreeSet()).first());
        CowTreeMap<Integer, String> byLength = Stream.of("x").collect(CowTreeMap.toCowTreeMap(String::length, s -> s));
        assertEquals(Map.of(1, "x"), byLength);
    }

    @Test
    void theJacksonModuleIsProvidedThroughItsModuleInfo() throws Exception {
        assertEquals("dev.cowcollections.jackson", CowCollectionsModule.class.getModule().getName());
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        assertTrue(mapper.getRegisteredModuleIds().contains(CowCollectionsModule.class.getName()),
                mapper.getRegisteredModuleIds().toString());
        Inventory inventory = new Inventory("shop");
        inventory.add("pear", "fruit");
        String json = mapper.writeValueAsString(
                CowMap.<String, Object>of("name", inventory.name(), "items", inventory.items()));
        assertEquals("{\"name\":\"shop\",\"items\":[\"pear\"]}", json);
        CowString read = mapper.readValue("\"shop\"", CowString.class);
        assertEquals(inventory.name(), read);
    }
}
