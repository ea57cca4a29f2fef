package org.newsgraph.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;

/**
 * French part-of-speech tags (Universal Dependencies tag set) from Apache OpenNLP's French model,
 * trained on the UD French-GSD treebank. The model is read once, lazily; taggers are per thread.
 */
public final class PosTagger {

  private static final String MODEL = "/opennlp-fr-ud-gsd-pos-1.3-2.5.4.bin";
  private static volatile POSModel model;
  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(model()));

  private static POSModel model() {
    POSModel m = model;
    if (m == null) {
      synchronized (PosTagger.class) {
        m = model;
        if (m == null) {
          try (InputStream in = PosTagger.class.getResourceAsStream(MODEL)) {
            if (in == null) {
              throw new IllegalStateException("French POS model missing from the classpath: " + MODEL);
            }
            m = new POSModel(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read the French POS model", e);
          }
          model = m;
        }
      }
    }
    return m;
  }

  /** One Universal Dependencies tag per token. */
  public String[] tag(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return new String[0];
    }
    String[] words = new String[tokens.size()];
    for (int i = 0; i < words.length; i++) {
      words[i] = tokens.get(i).text().replace('’', '\'');
    }
    return TAGGER.get().tag(words);
  }
}
