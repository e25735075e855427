// Runs HeidelTime standalone over many documents in one JVM, so that JVM start-up
// and resource loading are paid once. Input: a tab-separated list file with lines
// "input path <TAB> output path <TAB> DCT (YYYY-MM-DD) or empty".
// Prints "init <ns>" once and "doc <ns> <chars> <input path>" per document on stdout.
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

public final class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: HeidelTimeBatch LANGUAGE NEWS|NARRATIVES CONFIG LISTFILE");
            System.exit(2);
        }
        long initStart = System.nanoTime();
        HeidelTimeStandalone tagger = new HeidelTimeStandalone(
                Language.getLanguageFromString(args[0]),
                DocumentType.valueOf(args[1]),
                OutputType.TIMEML,
                args[2],
                POSTagger.TREETAGGER);
        System.out.println("init " + (System.nanoTime() - initStart));
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        List<String> lines = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isEmpty()) continue;
            String[] fields = line.split("\t", -1);
            String text = Files.readString(Path.of(fields[0]), StandardCharsets.UTF_8);
            long start = System.nanoTime();
            String timeml = fields[2].isEmpty()
                    ? tagger.process(text)
                    : tagger.process(text, iso.parse(fields[2]));
            long elapsed = System.nanoTime() - start;
            Files.writeString(Path.of(fields[1]), timeml, StandardCharsets.UTF_8);
            System.out.println("doc " + elapsed + " " + text.length() + " " + fields[0]);
        }
    }
}
