package org.newsgraph.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.newsgraph.article.Diagnostic;

/**
 * The input files of a run, found through Hadoop's file systems (local, HDFS, S3...): a file as
 * given, every {@code .jsonl}, {@code .jsonl.gz} and {@code .txt} file under a folder (in name
 * order, as {@code newsgraph build} walks folders), or the files a glob pattern matches.
 *
 * <p>Each file keeps the name {@code newsgraph build} would give it in messages and in
 * {@code ng:sourceFile}: the argument as written for a file, the argument joined with the path
 * inside the folder for a folder, the full path for a glob's matches.
 */
final class InputFiles {

  /** A file to read: its name in messages, its Hadoop path, whether it is JSON Lines. */
  record InputFile(String source, String path, boolean jsonLines) {}

  private InputFiles() {}

  static boolean isJsonLines(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".jsonl.gz");
  }

  static boolean isArticleFile(String name) {
    return isJsonLines(name) || name.toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  /** Lists the files of the arguments; arguments that name nothing are reported to problems. */
  static List<InputFile> list(List<String> args, Configuration conf, List<Diagnostic> problems)
      throws IOException {
    List<InputFile> files = new ArrayList<>();
    for (String arg : args) {
      Path p = new Path(arg);
      FileSystem fs = p.getFileSystem(conf);
      if (hasGlob(arg)) {
        FileStatus[] matches = fs.globStatus(p);
        if (matches == null || matches.length == 0) {
          problems.add(Diagnostic.error(arg, 0, "no file matches this pattern"));
          continue;
        }
        java.util.Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
        for (FileStatus s : matches) {
          if (s.isDirectory()) {
            addFolder(fs, s.getPath(), s.getPath().toString(), files);
          } else {
            files.add(file(s.getPath().toString(), s.getPath()));
          }
        }
        continue;
      }
      FileStatus st;
      try {
        st = fs.getFileStatus(p);
      } catch (java.io.FileNotFoundException e) {
        problems.add(Diagnostic.error(arg, 0, "no such file or folder"));
        continue;
      }
      if (st.isDirectory()) {
        addFolder(fs, st.getPath(), stripSlashes(arg), files);
      } else {
        files.add(file(arg, st.getPath()));
      }
    }
    return files;
  }

  private static InputFile file(String source, Path p) {
    return new InputFile(source, p.toString(), isJsonLines(p.getName()));
  }

  private static void addFolder(FileSystem fs, Path dir, String prefix, List<InputFile> files)
      throws IOException {
    String root = dir.toUri().getPath();
    List<InputFile> found = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    while (it.hasNext()) {
      LocatedFileStatus s = it.next();
      if (!s.isFile() || !isArticleFile(s.getPath().getName())) {
        continue;
      }
      String rel = s.getPath().toUri().getPath().substring(root.length()).replaceFirst("^/+", "");
      found.add(file(prefix + "/" + rel, s.getPath()));
    }
    found.sort(Comparator.comparing(InputFile::source));
    files.addAll(found);
  }

  private static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
  }

  private static String stripSlashes(String s) {
    String t = s;
    while (t.length() > 1 && t.endsWith("/")) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }
}
