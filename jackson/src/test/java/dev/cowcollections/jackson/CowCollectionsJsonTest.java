package dev.cowcollections.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cowcollections.CowList;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowSet;
import dev.cowcollections.CowString;
import dev.cowcollections.CowTreeMap;
import dev.cowcollections.CowTreeSet;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** CowList, CowSet and CowMap through real Jackson 2: round trips, typing, settings, hostile input. */
class CowCollectionsJsonTest {

    private final ObjectMapper mapper = JsonMapper.builder().addModule(new CowCollectionsModule()).build();

    record Everything(
            CowList<Integer> list,
            CowSet<String> set,
            CowMap<String, Double> map,
            CowString text,
            CowMap<String, CowList<CowString>> nested,
            CowMap<Integer, CowSet<Long>> numericKeys) {
    }

    /** The same as a mutable bean, read through setters. */
    public static final class EverythingBean {
        public CowList<Integer> list;
        public CowSet<String> set;
        public CowMap<String, Double> map;
        private CowString text;
        private CowMap<String, CowList<CowString>> nested;

        public CowString getText() {
            return text;
        }

        public void setText(CowString text) {
            this.text = text;
        }

        public CowMap<String, CowList<CowString>> getNested() {
            return nested;
        }

        public void setNested(CowMap<String, CowList<CowString>> nested) {
            this.nested = nested;
        }
    }

    private static CowMap<String, CowList<CowString>> nested() {
        return CowMap.of(
                "b", CowList.of(new CowString("x"), null, new CowString("y")),
                "a", CowList.of());
    }

    private static Everything everything() {
        return new Everything(
                CowList.of(3, 1, null, 2),
                CowSet.of("z", "a", "m"),
                CowMap.of("pi", 3.14, "none", null),
                new CowString("text"),
                nested(),
                CowMap.of(7, CowSet.of(1L << 40, 2L), 1, CowSet.of()));
    }

    @Test
    void aRecordOfEveryTypeRoundTripsIntoTheDeclaredTypes() throws Exception {
        Everything original = everything();
        String json = mapper.writeValueAsString(original);
        assertEquals("{\"list\":[3,1,null,2],\"set\":[\"z\",\"a\",\"m\"],\"map\":{\"pi\":3.14,\"none\":null},"
                + "\"text\":\"text\",\"nested\":{\"b\":[\"x\",null,\"y\"],\"a\":[]},"
                + "\"numericKeys\":{\"7\":[1099511627776,2],\"1\":[]}}", json);
        Everything read = mapper.readValue(json, Everything.class);
        assertEquals(original, read);
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(read.set()));
        assertEquals(List.of("b", "a"), new ArrayList<>(read.nested().keySet()));
        assertInstanceOf(CowList.class, read.nested().get("b"));
        assertInstanceOf(CowString.class, read.nested().get("b").get(0));
        assertInstanceOf(Integer.class, read.numericKeys().keySet().iterator().next());
        assertInstanceOf(CowSet.class, read.numericKeys().get(7));
        assertInstanceOf(Long.class, read.numericKeys().get(7).iterator().next());
    }

    @Test
    void aBeanOfEveryTypeRoundTrips() throws Exception {
        EverythingBean bean = new EverythingBean();
        bean.list = CowList.of(1, 2);
        bean.set = CowSet.of("s");
        bean.map = CowMap.of("k", 1.5);
        bean.setText(new CowString("t"));
        bean.setNested(nested());
        EverythingBean read = mapper.readValue(mapper.writeValueAsString(bean), EverythingBean.class);
        assertEquals(bean.list, read.list);
        assertEquals(bean.set, read.set);
        assertEquals(bean.map, read.map);
        assertEquals(bean.getText(), read.getText());
        assertEquals(bean.getNested(), read.getNested());
        assertInstanceOf(CowString.class, read.getNested().get("b").get(2));
    }

    @Test
    void aNestedRootValueReadsIntoCowTypesAllTheWayDown() throws Exception {
        CowMap<String, CowList<CowString>> read = mapper.readValue("{\"k\":[\"v\",\"w\"]}",
                new TypeReference<CowMap<String, CowList<CowString>>>() { });
        assertEquals(CowMap.of("k", CowList.of(new CowString("v"), new CowString("w"))), read);
        assertInstanceOf(CowString.class, read.get("k").get(1));
    }

    @Test
    void readHandlesAreUnsharedAndIndependent() throws Exception {
        CowList<Integer> read = mapper.readValue("[1,2,3]", new TypeReference<CowList<Integer>>() { });
        assertTrue(!read.isShared());
        CowList<Integer> copy = read.copy();
        read.add(4);
        assertEquals(List.of(1, 2, 3), copy);
    }

    // Polymorphic typing

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
    @JsonSubTypes({@JsonSubTypes.Type(value = Circle.class, name = "circle"),
            @JsonSubTypes.Type(value = Square.class, name = "square")})
    sealed interface Shape permits Circle, Square {
    }

    record Circle(double radius) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    record Drawing(CowList<Shape> shapes, CowMap<String, Shape> byName,
            @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object payload) {
    }

    @Test
    void polymorphicElementsAndAPolymorphicContainerRoundTrip() throws Exception {
        Drawing drawing = new Drawing(
                CowList.of(new Circle(1), new Square(2)),
                CowMap.of("c", new Circle(3)),
                CowMap.of("inner", CowList.of("x")));
        String json = mapper.writeValueAsString(drawing);
        assertTrue(json.contains("\"@type\":\"circle\""), json);
        assertTrue(json.contains("\"@class\":\"dev.cowcollections.CowMap\""), json);
        Drawing read = mapper.readValue(json, Drawing.class);
        assertEquals(drawing, read);
        assertInstanceOf(CowMap.class, read.payload());
    }

    @Test
    void defaultTypingCarriesTheCowTypesThroughObjectValues() throws Exception {
        ObjectMapper typed = mapper.copy().activateDefaultTyping(
                com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("dev.cowcollections.").allowIfSubType("java.").build(),
                ObjectMapper.DefaultTyping.JAVA_LANG_OBJECT);
        Object original = CowMap.of("list", CowList.of(new CowString("a")), "set", CowSet.of(1));
        Object read = typed.readValue(typed.writerFor(Object.class).writeValueAsString(original), Object.class);
        assertEquals(original, read);
        assertInstanceOf(CowList.class, ((CowMap<?, ?>) read).get("list"));
        assertInstanceOf(CowString.class, ((CowList<?>) ((CowMap<?, ?>) read).get("list")).get(0));
        assertInstanceOf(CowSet.class, ((CowMap<?, ?>) read).get("set"));
    }

    // ACCEPT_SINGLE_VALUE_AS_ARRAY and nulls

    @Test
    void aSingleValueIsAnArrayOnlyWhenJacksonIsAskedTo() throws Exception {
        assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"list\":5}", Everything.class));
        ObjectMapper lenient = mapper.copy().enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        Everything read = lenient.readValue("{\"list\":5,\"set\":\"only\"}", Everything.class);
        assertEquals(CowList.of(5), read.list());
        assertEquals(CowSet.of("only"), read.set());
        assertInstanceOf(CowList.class, read.list());
    }

    @Test
    void nullElementsKeysAndValuesAreKeptAsJavaUtilAllowsThem() throws Exception {
        CowSet<String> set = mapper.readValue("[\"a\",null,\"a\"]", new TypeReference<CowSet<String>>() { });
        assertEquals(Arrays.asList("a", null), new ArrayList<>(set));
        CowMap<String, Integer> map = mapper.readValue("{\"k\":null}", new TypeReference<CowMap<String, Integer>>() { });
        assertTrue(map.containsKey("k"));
        assertEquals(null, map.get("k"));
        Everything read = mapper.readValue("{\"list\":null}", Everything.class);
        assertEquals(null, read.list());
    }

    record Sorted(CowTreeSet<String> set, CowTreeMap<Integer, CowList<String>> map) {
    }

    @Test
    void theSortedTypesRoundTripInKeyOrder() throws Exception {
        Sorted sorted = new Sorted(CowTreeSet.of("z", "a", "m"),
                CowTreeMap.of(3, CowList.of("c"), 1, CowList.of("a", "b")));
        String json = mapper.writeValueAsString(sorted);
        assertTrue(json.contains("\"set\":[\"a\",\"m\",\"z\"]"), json);
        assertTrue(json.contains("\"map\":{\"1\":[\"a\",\"b\"],\"3\":[\"c\"]}"), json);
        Sorted read = mapper.readValue(json, Sorted.class);
        assertEquals(sorted, read);
        assertSame(CowTreeSet.class, read.set().getClass());
        assertSame(CowTreeMap.class, read.map().getClass());
        assertSame(CowList.class, read.map().get(1).getClass());
        assertTrue(!read.map().isShared());
    }

    record DeclaredSorted(SortedSet<String> set, NavigableMap<String, Integer> map) {
    }

    @Test
    void sortedInterfacesAreCowTreeTypesOnlyWhenTheSettingIsOn() throws Exception {
        String json = "{\"set\":[\"b\",\"a\"],\"map\":{\"y\":2,\"x\":1}}";
        DeclaredSorted plain = mapper.readValue(json, DeclaredSorted.class);
        assertSame(TreeSet.class, plain.set().getClass());
        assertSame(TreeMap.class, plain.map().getClass());

        ObjectMapper cow = JsonMapper.builder()
                .addModule(new CowCollectionsModule().configureInterfacesAsCowTypes(true)).build();
        DeclaredSorted read = cow.readValue(json, DeclaredSorted.class);
        assertSame(CowTreeSet.class, read.set().getClass());
        assertSame(CowTreeMap.class, read.map().getClass());
        assertEquals(plain, read);
        assertEquals("a", read.set().first());
    }

    // The setting for java.util interfaces

    record Declared(List<String> list, Set<String> set, Map<String, List<Integer>> map) {
    }

    @Test
    void interfacesKeepJacksonsDefaultsUnlessTheSettingIsOn() throws Exception {
        String json = "{\"list\":[\"a\"],\"set\":[\"b\"],\"map\":{\"k\":[1]}}";
        Declared plain = mapper.readValue(json, Declared.class);
        assertSame(ArrayList.class, plain.list().getClass());
        assertSame(HashSet.class, plain.set().getClass());
        assertSame(LinkedHashMap.class, plain.map().getClass());

        ObjectMapper cow = JsonMapper.builder()
                .addModule(new CowCollectionsModule().configureInterfacesAsCowTypes(true)).build();
        Declared read = cow.readValue(json, Declared.class);
        assertSame(CowList.class, read.list().getClass());
        assertSame(CowSet.class, read.set().getClass());
        assertSame(CowMap.class, read.map().getClass());
        assertSame(CowList.class, read.map().get("k").getClass());
        assertEquals(plain, read);
        assertSame(CowList.class, cow.readValue("[1]", java.util.Collection.class).getClass());
    }

    @Test
    void findAndRegisterModulesFindsTheModule() throws Exception {
        ObjectMapper found = new ObjectMapper().findAndRegisterModules();
        assertTrue(found.getRegisteredModuleIds().contains(CowCollectionsModule.class.getName()),
                found.getRegisteredModuleIds().toString());
        assertEquals("\"t\"", found.writeValueAsString(new CowString("t")));
        assertEquals(CowList.of(new CowString("v")),
                found.readValue("[\"v\"]", new TypeReference<CowList<CowString>>() { }));
    }

    @Test
    void theModuleReportsTheArtifactVersion() {
        assertEquals("dev.cowcollections", new CowCollectionsModule().version().getGroupId());
        assertEquals("cow-collections-jackson", new CowCollectionsModule().version().getArtifactId());
        assertTrue(!new CowCollectionsModule().version().isUnknownVersion());
    }

    // Hostile input

    /** A JSON array of {@code count} zeros, produced as it is read: the input is never in memory. */
    private static Reader zeros(int count, boolean closed) {
        return new Reader() {
            private long left = count;
            private boolean opened;
            private boolean ended;

            @Override
            public int read(char[] buf, int off, int len) {
                int n = 0;
                if (!opened) {
                    buf[off + n++] = '[';
                    opened = true;
                }
                while (n + 2 <= len && left > 0) {
                    buf[off + n++] = '0';
                    if (--left > 0) {
                        buf[off + n++] = ',';
                    }
                }
                if (left == 0 && !ended && n < len) {
                    if (closed) {
                        buf[off + n++] = ']';
                    }
                    ended = true;
                }
                return n == 0 ? -1 : n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aHugeArrayStreamsIn() throws Exception {
        int count = 3_000_000;
        CowList<Integer> read = mapper.readValue(zeros(count, true), new TypeReference<CowList<Integer>>() { });
        assertEquals(count, read.size());
        assertEquals(0, read.get(count - 1));
    }

    @Test
    void aHugeArrayThatNeverEndsIsJacksonsOwnEndOfInputError() {
        JsonEOFException e = assertThrows(JsonEOFException.class,
                () -> mapper.readValue(zeros(1_000_000, false), new TypeReference<CowList<Integer>>() { }));
        assertTrue(e.getMessage().startsWith("Unexpected end-of-input"), e.getMessage());
    }

    @Test
    void deepNestingIsStoppedByJacksonsOwnLimit() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue(deep, new TypeReference<CowList<Object>>() { }));
        assertInstanceOf(StreamConstraintsException.class, e.getCause());
    }

    @Test
    void wrongTokenTypesAreJacksonsOwnMismatchesNamingTheCowType() {
        MismatchedInputException listFromObject = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"a\":1}", new TypeReference<CowList<Integer>>() { }));
        assertTrue(listFromObject.getMessage().startsWith(
                "Cannot deserialize value of type `dev.cowcollections.CowList<java.lang.Integer>` from Object value"),
                listFromObject.getMessage());
        MismatchedInputException mapFromArray = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("[1]", new TypeReference<CowMap<String, Integer>>() { }));
        assertTrue(mapFromArray.getMessage().startsWith(
                "Cannot deserialize value of type `dev.cowcollections.CowMap<java.lang.String,java.lang.Integer>`"
                        + " from Array value"),
                mapFromArray.getMessage());
        MismatchedInputException badElement = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("[1,{}]", new TypeReference<CowList<Integer>>() { }));
        assertTrue(badElement.getMessage().startsWith(
                "Cannot deserialize value of type `java.lang.Integer` from Object value"), badElement.getMessage());
        assertEquals(1, badElement.getPath().get(0).getIndex());
    }
}
