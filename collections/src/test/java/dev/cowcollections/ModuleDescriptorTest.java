package dev.cowcollections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    @Test
    void moduleExportsOnlyItsPackageAndRequiresOnlyTheJdkBaseAndOptionallyFlightRecorder()
            throws IOException, URISyntaxException {
        ModuleDescriptor descriptor;
        Path classes = Path.of(CowList.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("dev.cowcollections", descriptor.name());
        assertEquals(Set.of("dev.cowcollections"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertEquals(Set.of("java.base", "jdk.jfr"),
                descriptor.requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
        ModuleDescriptor.Requires jfr = descriptor.requires().stream()
                .filter(r -> r.name().equals("jdk.jfr")).findFirst().orElseThrow();
        assertEquals(Set.of(ModuleDescriptor.Requires.Modifier.STATIC), jfr.modifiers(),
                "jdk.jfr is needed at compile time only: the library runs where it is absent");
    }
}
