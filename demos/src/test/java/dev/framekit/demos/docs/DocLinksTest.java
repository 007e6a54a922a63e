package dev.framekit.demos.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md and docs/ (lab notes included) reaches a file, and every
 * {@code #anchor} a heading of that file: moving a section out of a doc cannot leave a link behind.
 */
class DocLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkAndAnchorInTheDocsResolves() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : Markdown.allDocs()) {
            Markdown markdown = Markdown.read(doc);
            Matcher link = LINK.matcher(markdown.prose());
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z][a-z0-9+.-]*:.*")) {
                    continue; // https:, mailto:
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? "" : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(markdown + ": " + target + " (no such file)");
                } else if (!anchor.isEmpty() && resolved.toString().endsWith(".md")
                        && !Markdown.read(resolved).anchors().contains(anchor)) {
                    broken.add(markdown + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 50, "found only " + checked + " links: is the link pattern right?");
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsAreMadeTheWayGitHubMakesThem() {
        assertEquals("seeing-the-bytes---hexdump", Markdown.slug("Seeing the bytes: `--hexdump`"));
        assertEquals("http-server-beside-the-jdks-httpserver", Markdown.slug("http-server beside the JDK's HttpServer"));
        assertEquals("http11", Markdown.slug("HTTP/1.1"));
    }
}
