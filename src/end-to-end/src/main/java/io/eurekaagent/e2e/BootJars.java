package io.eurekaagent.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Spring Boot jars as users build them: one of the suite's apps with its own configuration files swapped. */
public final class BootJars {
    private static final String CLASSES = "BOOT-INF/classes/";

    private BootJars() {
    }

    /**
     * A copy of {@code jar} at {@code copy} whose application.* files are {@code files} (name to text) instead. Nested
     * jars stay stored, not compressed, as Spring Boot's launcher requires.
     */
    public static Path withOwnFiles(Path jar, Path copy, Map<String, String> files) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                if (entry.getName().startsWith(CLASSES + "application")) {
                    continue;
                }
                ZipEntry copied = new ZipEntry(entry.getName());
                copied.setTime(entry.getTime());
                if (entry.getMethod() == ZipEntry.STORED) {
                    copied.setMethod(ZipEntry.STORED);
                    copied.setSize(entry.getSize());
                    copied.setCompressedSize(entry.getSize());
                    copied.setCrc(entry.getCrc());
                }
                out.putNextEntry(copied);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(CLASSES + file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return copy;
    }
}
