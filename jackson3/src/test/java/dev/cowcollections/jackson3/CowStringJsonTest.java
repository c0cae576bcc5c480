package dev.cowcollections.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cowcollections.CowMap;
import dev.cowcollections.CowString;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** CowString as a JSON string: a value, a bean property, a map key. */
class CowStringJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().addModule(new CowCollectionsModule()).build();

    /** The bean of issue 31, which without the module was written {"title":{"shared":false,"empty":false}}. */
    public static final class Book {
        private CowString title;

        public CowString getTitle() {
            return title;
        }

        public void setTitle(CowString title) {
            this.title = title;
        }
    }

    @Test
    void aCowStringIsWrittenAsAJsonString() throws Exception {
        assertEquals("\"h\\u00E9llo \\\"w\\\"\"",
                mapper.writer().with(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                        .writeValueAsString(new CowString("h\u00e9llo \"w\"")));
        assertEquals("\"\"", mapper.writeValueAsString(new CowString()));
    }

    @Test
    void aBeanPropertyIsWrittenAsItsTextNotAsABeanAndReadsBack() throws Exception {
        Book book = new Book();
        book.setTitle(new CowString("Dune"));
        String json = mapper.writeValueAsString(book);
        assertEquals("{\"title\":\"Dune\"}", json);
        assertEquals(new CowString("Dune"), mapper.readValue(json, Book.class).getTitle());
    }

    @Test
    void withoutTheModuleJacksonSeesABeanWhichIsWhyTheModuleExists() throws Exception {
        Book book = new Book();
        book.setTitle(new CowString("Dune"));
        String json = new ObjectMapper().writeValueAsString(book);
        assertTrue(json.contains("\"shared\""), json);
    }

    @Test
    void jsonNullReadsAsNull() throws Exception {
        assertNull(mapper.readValue("{\"title\":null}", Book.class).getTitle());
        assertNull(mapper.readValue("null", CowString.class));
    }

    @Test
    void scalarsAreCoercedAsForString() throws Exception {
        assertEquals(new CowString("12"), mapper.readValue("{\"title\":12}", Book.class).getTitle());
        assertEquals(new CowString("true"), mapper.readValue("true", CowString.class));
    }

    @Test
    void anObjectOrArrayIsJacksonsOwnMismatchNamingCowString() throws Exception {
        MismatchedInputException fromObject = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("{\"title\":{\"a\":1}}", Book.class));
        assertTrue(fromObject.getMessage().startsWith(
                "Cannot deserialize value of type `dev.cowcollections.CowString` from Object value"),
                fromObject.getMessage());
        MismatchedInputException fromArray = assertThrows(MismatchedInputException.class,
                () -> mapper.readValue("[\"a\"]", CowString.class));
        assertTrue(fromArray.getMessage().startsWith(
                "Cannot deserialize value of type `dev.cowcollections.CowString` from Array value"),
                fromArray.getMessage());
        assertEquals(new CowString("a"), mapper.rebuild().enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS).build()
                .readValue("[\"a\"]", CowString.class));
    }

    @Test
    void aCowStringMapKeyIsWrittenAsItsTextAndReadsBack() throws Exception {
        CowMap<CowString, Integer> counts = CowMap.of(new CowString("a b"), 1, new CowString(""), 2);
        String json = mapper.writeValueAsString(counts);
        assertEquals("{\"a b\":1,\"\":2}", json);
        CowMap<CowString, Integer> read = mapper.readValue(json, new TypeReference<CowMap<CowString, Integer>>() { });
        assertEquals(counts, read);
        assertInstanceOf(CowString.class, read.keySet().iterator().next());
        Map<CowString, Integer> javaUtil = mapper.readValue(json, new TypeReference<Map<CowString, Integer>>() { });
        assertEquals(counts, javaUtil);
    }

    @Test
    void anEmptyCowStringIsEmptyForJsonIncludeNonEmpty() throws Exception {
        Book book = new Book();
        book.setTitle(new CowString());
        assertEquals("{}", mapper.rebuild()
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_EMPTY)).build()
                .writeValueAsString(book));
    }
}
