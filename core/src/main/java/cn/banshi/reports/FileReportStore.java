package cn.banshi.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reports on the local file system under {@code ROOT/TOWN/YEAR/JOB/}. Every path is built from a checked
 * town slug, a year, and the enum names of job and file, and must stay under the root.
 */
public final class FileReportStore implements ReportStore {
    public static final String DATA_DIR_ENV = "BANSHI_DATA_DIR";

    private final Path root;

    public FileReportStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code DIR/reports} for the data directory of BANSHI_DATA_DIR (or -Dbanshi.dataDir), default .banshi/data. */
    public static FileReportStore fromEnvironment() {
        String dir = System.getProperty("banshi.dataDir");
        if (dir == null || dir.isBlank()) dir = System.getenv(DATA_DIR_ENV);
        if (dir == null || dir.isBlank()) dir = ".banshi/data";
        return new FileReportStore(Path.of(dir, "reports"));
    }

    public Path root() {
        return root;
    }

    public Path directory(String town, int year, ReportKind kind) {
        ReportNames.town(town);
        ReportNames.year(year);
        Path dir = root.resolve(town)
                .resolve(Integer.toString(year))
                .resolve(kind.code())
                .normalize();
        if (!dir.startsWith(root)) throw new IllegalArgumentException("path outside the report store");
        return dir;
    }

    @Override
    public void put(String town, int year, ReportKind kind, ReportFormat format, byte[] content) {
        write(directory(town, year, kind).resolve(format.fileName()), content);
    }

    @Override
    public void putMember(String town, int year, ReportKind kind, ReportMember member, byte[] content) {
        write(member(town, year, kind, member), content);
    }

    @Override
    public Optional<byte[]> readMember(String town, int year, ReportKind kind, ReportMember member) {
        return read(member(town, year, kind, member));
    }

    private Path member(String town, int year, ReportKind kind, ReportMember member) {
        Path dir = directory(town, year, kind);
        Path file = dir.resolve(member.path()).normalize();
        if (!file.startsWith(dir)) throw new IllegalArgumentException("path outside the report store");
        return file;
    }

    private static void write(Path file, byte[] content) {
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-", "-" + file.getFileName());
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report file " + file.getFileName(), e);
        }
    }

    @Override
    public List<ReportFile> list(String town, int year) {
        List<ReportFile> files = new ArrayList<>();
        for (ReportKind kind : ReportKind.values()) {
            Path dir = directory(town, year, kind);
            for (ReportFormat format : ReportFormat.values()) {
                Path file = dir.resolve(format.fileName());
                try {
                    var attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.add(new ReportFile(
                                town,
                                year,
                                kind,
                                format,
                                attributes.size(),
                                attributes.lastModifiedTime().toInstant()));
                    }
                } catch (NoSuchFileException absent) {
                    // not generated (or not in this format)
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    @Override
    public Optional<byte[]> read(String town, int year, ReportKind kind, ReportFormat format) {
        return read(directory(town, year, kind).resolve(format.fileName()));
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
