package dev.cowcollections.jackson;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.util.VersionUtil;
import com.fasterxml.jackson.databind.Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Jackson 2 module for cow-collections.
 *
 * <ul>
 *   <li>{@code CowString} is written as a JSON string and read from one, also as a map key.
 *       Without this module Jackson would see {@code isEmpty()} and {@code isShared()} as bean
 *       properties.
 *   <li>A property, a constructor parameter or a root value declared {@code CowList},
 *       {@code CowSet} or {@code CowMap} is read into that type, with its element, key and value
 *       types honoured, through Jackson's own collection and map deserializers: polymorphic
 *       types, {@code ACCEPT_SINGLE_VALUE_AS_ARRAY}, {@code @JsonSetter(contentNulls = ...)}
 *       and the error messages are Jackson's. Elements are read one by one into a list that
 *       grows as {@code ArrayList} does; nothing is allocated ahead of the input.
 *   <li>With {@link #configureInterfacesAsCowTypes(boolean)} (off by default), values declared
 *       {@code List}, {@code Collection}, {@code Set} or {@code Map} are read as
 *       {@code CowList}, {@code CowList}, {@code CowSet} and {@code CowMap} instead of
 *       {@code ArrayList}, {@code HashSet} and {@code LinkedHashMap}.
 * </ul>
 *
 * <p>The collections are written by Jackson's own serializers for {@code List}, {@code Set}
 * and {@code Map}, as any {@code java.util} collection is.
 *
 * <p>Register it with {@code new ObjectMapper().registerModule(new CowCollectionsModule())}, or
 * let {@code ObjectMapper.findAndRegisterModules()} find it through the {@code ServiceLoader}.
 * Configure the module before registering it; a registered module is not read again.
 */
public final class CowCollectionsModule extends Module {

    private boolean interfacesAsCowTypes;

    /** A module with Jackson's own defaults for values declared as {@code java.util} interfaces. */
    public CowCollectionsModule() {
    }

    /**
     * Whether values declared {@code List}, {@code Collection}, {@code Set} or {@code Map} are
     * read as {@code CowList}, {@code CowSet} and {@code CowMap}; off by default.
     *
     * @return this module
     */
    public CowCollectionsModule configureInterfacesAsCowTypes(boolean enabled) {
        interfacesAsCowTypes = enabled;
        return this;
    }

    @Override
    public String getModuleName() {
        return "CowCollectionsModule";
    }

    @Override
    public Version version() {
        return ModuleVersion.VERSION;
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new CowSerializers());
        context.addKeySerializers(new CowKeySerializers());
        context.addDeserializers(new CowDeserializers(interfacesAsCowTypes));
        context.addKeyDeserializers(new CowKeyDeserializers());
    }

    /** The artifact's version, from a resource Maven fills in, read once. */
    private static final class ModuleVersion {
        static final Version VERSION = read();

        private static Version read() {
            Properties properties = new Properties();
            try (InputStream in = CowCollectionsModule.class.getResourceAsStream("module.properties")) {
                if (in == null) {
                    return Version.unknownVersion();
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return VersionUtil.parseVersion(properties.getProperty("version"),
                    "dev.cowcollections", "cow-collections-jackson");
        }
    }
}
