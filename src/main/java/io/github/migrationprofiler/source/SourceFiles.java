package io.github.migrationprofiler.source;

import io.github.migrationprofiler.support.ProfilerException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Migration files read as the project says they are written ({@code project.build.sourceEncoding}):
 * a byte sequence that is not valid in that encoding fails with the file and line, never turns
 * into U+FFFD on its way to the database.
 */
final class SourceFiles {

    private SourceFiles() {
    }

    /** The text of {@code file}; {@code shown} names it in the error. */
    static String read(Path file, Charset charset, String shown) {
        try {
            return decode(Files.readAllBytes(file), charset, shown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code bytes} as text in {@code charset}; {@code shown} names their file in the error. */
    static String decode(byte[] bytes, Charset charset, String shown) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String sequence = HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase()
                    .formatHex(bytes, at, Math.min(bytes.length, at + result.length()));
            throw new ProfilerException(shown + ":" + line(bytes, at) + ": the bytes " + sequence + " are not valid " + charset.name()
                    + ", the encoding the migrations are read in. Set project.build.sourceEncoding (or migration-profiler.encoding) "
                    + "to the encoding the files are written in, e.g. ISO-8859-1, as Flyway's encoding and Liquibase's "
                    + "fileEncoding would be set");
        }
        return out.flip().toString();
    }

    private static int line(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
