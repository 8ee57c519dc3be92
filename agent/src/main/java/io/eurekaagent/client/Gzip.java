package io.eurekaagent.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;

/** Unzips a gzip body, refusing to grow past a limit (a small answer must not unzip into the app's whole heap). */
final class Gzip {
    private Gzip() {
    }

    static byte[] decode(byte[] gzipped, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, gzipped.length * 8));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] buffer = new byte[16 * 1024];
            for (int read; (read = in.read(buffer)) > 0; ) {
                if (out.size() + read > limit) {
                    throw new IOException("the answer unzips to more than " + limit / 1024 / 1024 + " MB");
                }
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }
}
