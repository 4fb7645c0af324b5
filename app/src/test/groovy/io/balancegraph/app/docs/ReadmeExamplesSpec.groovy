package io.balancegraph.app.docs

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import javax.tools.DiagnosticCollector
import javax.tools.JavaFileObject
import javax.tools.ToolProvider
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern

/**
 * The Java examples of the READMEs, kept honest: each is a source file of the consumer project
 * (docs/examples/consumer, which check.sh builds against the installed jars), word for word, and compiles here
 * against the modules as they are; the demo ones and the adapter's one (against a local stand-in for Stripe) print
 * what the READMEs show.
 */
class ReadmeExamplesSpec extends Specification {

    static final Path ROOT = Path.of('..').toAbsolutePath().normalize()
    static final Path EXAMPLES = ROOT.resolve('docs/examples/consumer/src/main/java')
    static final Pattern FENCE = Pattern.compile('(?ms)^```(\\w+)\\n(.*?)^```$')

    @Shared List<Path> readmes = Files.walk(ROOT).withCloseable { paths ->
        paths.filter { it.fileName.toString() ==~ /README.*\.md/ }
                .filter { !ROOT.relativize(it).toString().split('/').any { it in ['target', 'node_modules'] } }
                .sorted().toList()
    }
    @Shared Map<String, String> examples = Files.list(EXAMPLES).withCloseable { files ->
        files.filter { it.toString().endsWith('.java') }.toList()
                .collectEntries { [(it.fileName.toString()): Files.readString(it)] }
    }

    @TempDir Path classes

    def "the READMEs have Java examples and the consumer project has their files"() {
        expect:
        readmes*.fileName*.toString().contains('README.md')
        javaBlocks().size() >= 4
        examples.keySet() == ['LocalStripe.java', 'PaidOut.java', 'PeriodTotals.java', 'StripeBalance.java'] as Set
    }

    def "every Java example of a README is a complete file of the consumer project, word for word"() {
        expect:
        javaBlocks().every { block -> examples.containsValue(block.code) }
        javaBlocks().every { block -> block.code =~ /(?m)^import / && block.code =~ /(?m)^public class \w+ \{/ }
    }

    def "every file of the consumer project is shown in a README"() {
        expect:
        examples.values().every { file -> javaBlocks()*.code.contains(file) }
    }

    def "the examples compile against the library modules"() {
        when:
        def diagnostics = compileExamples()

        then:
        diagnostics.diagnostics.findAll { it.kind == javax.tools.Diagnostic.Kind.ERROR }.isEmpty()
        Files.exists(classes.resolve('PaidOut.class'))
        Files.exists(classes.resolve('StripeBalance.class'))
        Files.exists(classes.resolve('PeriodTotals.class'))
        Files.exists(classes.resolve('LocalStripe.class'))
    }

    def "the demo example prints what the README says it prints"() {
        given:
        compileExamples()
        def shown = blockAfter('README.md', examples['PaidOut.java'], 'text')

        when:
        def printed = runMain('PaidOut')

        then:
        printed == shown
        printed.contains('available: USD 30002075.03\n')
        (printed =~ /paid out: +USD (\d+\.\d{2})\n/).with { it.find() && new BigDecimal(it.group(1)) > 0 }
    }

    def "the walk example prints what the README says it prints: the demo's October totals and its newest transaction"() {
        given:
        compileExamples()
        def shown = blockAfter('README.md', examples['PeriodTotals.java'], 'text')

        when:
        def printed = runMain('PeriodTotals')

        then:
        printed == shown
        printed.startsWith('net: [EUR ')
        printed =~ /(?m)^newest: txn_\w+$/
    }

    def "the adapter example reads its local stand-in for Stripe and prints what the adapter README says"() {
        given:
        compileExamples()
        def shown = blockAfter('adapters-stripe-http/README.md', examples['LocalStripe.java'], 'text')

        when:
        def printed = runMain('LocalStripe')

        then: 'the adapter sent its pinned version to the stand-in and read the amounts exactly'
        printed == shown
        printed.startsWith('asked:     GET /v1/balance, Stripe-Version 20')
        printed.contains('available: USD 1234.56\n')
        printed.contains('pending:   USD 50.00\n')
    }

    private List<Map> javaBlocks() {
        readmes.collectMany { readme ->
            def matcher = FENCE.matcher(Files.readString(readme))
            def blocks = []
            while (matcher.find()) {
                if (matcher.group(1) == 'java') {
                    blocks << [readme: ROOT.relativize(readme).toString(), code: matcher.group(2)]
                }
            }
            blocks
        }
    }

    /** The first fenced block of the given language after the given code in a README. */
    private static String blockAfter(String readme, String code, String language) {
        def text = Files.readString(ROOT.resolve(readme))
        def after = text.indexOf(code)
        assert after >= 0
        def matcher = FENCE.matcher(text)
        assert matcher.find(after + code.length())
        assert matcher.group(1) == language
        matcher.group(2)
    }

    private DiagnosticCollector<JavaFileObject> compileExamples() {
        def compiler = ToolProvider.systemJavaCompiler
        def diagnostics = new DiagnosticCollector<JavaFileObject>()
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8).withCloseable { files ->
            def sources = files.getJavaFileObjectsFromPaths(Files.list(EXAMPLES).withCloseable { it.toList() })
            def options = ['--release', '17', '-proc:none', '-classpath', System.getProperty('java.class.path'),
                           '-d', classes.toString()]
            compiler.getTask(null, files, diagnostics, options, null, sources).call()
        }
        diagnostics
    }

    private String runMain(String className) {
        def loader = new URLClassLoader([classes.toUri().toURL()] as URL[], getClass().classLoader)
        def buffer = new ByteArrayOutputStream()
        def original = System.out
        System.out = new PrintStream(buffer, true, StandardCharsets.UTF_8)
        try {
            loader.loadClass(className).getMethod('main', String[]).invoke(null, [[] as String[]] as Object[])
        } finally {
            System.out = original
            loader.close()
        }
        buffer.toString(StandardCharsets.UTF_8)
    }
}
