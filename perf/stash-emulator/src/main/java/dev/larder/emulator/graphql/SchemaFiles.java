package dev.larder.emulator.graphql;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads GraphQL schema files into one type registry: the emulator's own schema, which the jar carries under
 * {@value #EMULATED}, or any folder of {@code .graphql} files, such as Stash's real schema that tests compare
 * documents and the emulator's schema with.
 */
public final class SchemaFiles {

    /** The class path folder of the emulator's schema. */
    static final String EMULATED = "dev/larder/emulator/schema/";

    private SchemaFiles() {
    }

    /**
     * Parses the emulator's schema.
     *
     * @return the type definitions of the part of Stash's API that the emulator serves
     * @throws IllegalStateException when the schema is not on the class path
     */
    public static TypeDefinitionRegistry emulated() {
        URL anchor = SchemaFiles.class.getClassLoader().getResource(EMULATED + "schema.graphql");
        if (anchor == null) {
            throw new IllegalStateException("the emulator's GraphQL schema is not on the class path under " + EMULATED);
        }
        try {
            URI uri = anchor.toURI();
            return "jar".equals(uri.getScheme()) ? readInJar(uri) : read(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the emulator's GraphQL schema at " + anchor, e);
        }
    }

    private static TypeDefinitionRegistry readInJar(URI anchor) throws IOException {
        try (FileSystem jar = FileSystems.newFileSystem(anchor, Map.of())) {
            return read(jar.getPath("/" + EMULATED));
        } catch (FileSystemAlreadyExistsException e) {
            // someone else has the jar open as a file system (and closes it)
            return read(FileSystems.getFileSystem(anchor).getPath("/" + EMULATED));
        }
    }

    /**
     * Parses every {@code .graphql} file under a folder, in the order of their paths.
     *
     * @param folder the folder
     * @return their type definitions, merged
     * @throws UncheckedIOException when the folder or a file cannot be read
     * @throws graphql.schema.idl.errors.SchemaProblem when a file does not parse or two define the same type
     */
    public static TypeDefinitionRegistry read(Path folder) {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        for (Path file : graphqlFiles(folder)) {
            try {
                registry.merge(parser.parse(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return registry;
    }

    private static List<Path> graphqlFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
