package nl.plektoets.cli;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import nl.plektoets.config.Config;
import nl.plektoets.data.ImportProgress;
import picocli.CommandLine;

/**
 * The command line: picks the command and runs it; each command is its own class ({@link ServeCommand},
 * {@link ImportCommand}, {@link DemoCommand}, {@link AssessCommand}, {@link AssessAllCommand}) and the shared
 * picocli set-up is {@link CommandLines}. Exit codes: 0 done, 1 failed (an I/O or import error), 2 bad arguments (the
 * message says the fix). Output goes to the streams given, so tests run commands in-process.
 */
public final class Main {
    public static final int OK = CommandLines.OK, FAILED = CommandLines.FAILED, USAGE = CommandLines.USAGE;

    private final CommandContext context;
    private ServeCommand serve;

    public Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this(out, err, env, new ConsoleProgress(), Config.DEFAULT_DATA_DIR);
    }

    Main(PrintStream out, PrintStream err, Map<String, String> env, ImportProgress progress, Path demoDataDir) {
        this(out, err, env, progress, demoDataDir, java.time.Clock.systemUTC());
    }

    /** With the clock {@code serve}'s registers and deadlines take today from (tests move it). */
    Main(
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            ImportProgress progress,
            Path demoDataDir,
            java.time.Clock clock) {
        this.context = new CommandContext(out, err, env, progress, demoDataDir, clock);
    }

    public static void main(String[] args) {
        Main main = new Main(System.out, System.err, System.getenv());
        int code = main.run(args);
        if (main.server() == null || code != OK) System.exit(code);
        Javalin s = main.server();
        Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "plektoets-shutdown"));
    }

    /** The server {@code serve} started (null before), so a caller can stop it. */
    public Javalin server() {
        return serve == null ? null : serve.server();
    }

    /** The commands, in the order {@code --help} lists them. */
    private Map<String, Function<String[], CommandLine>> commands() {
        Map<String, Function<String[], CommandLine>> m = new LinkedHashMap<>();
        m.put("serve", args -> {
            serve = new ServeCommand(context);
            return CommandLines.create(serve, context, true);
        });
        m.put("import", args -> CommandLines.create(new ImportCommand(context).arguments(args), context, false));
        m.put("demo", args -> CommandLines.create(new DemoCommand(context), context, false));
        m.put("assess", args -> CommandLines.create(new AssessCommand(context), context, true));
        m.put("assess-all", args -> CommandLines.create(new AssessAllCommand(context), context, true));
        return m;
    }

    /** Runs one command; returns the exit code. {@code serve} returns once the server listens. */
    public int run(String... args) {
        Map<String, Function<String[], CommandLine>> commands = commands();
        if (args.length == 0) {
            context.err().println("plektoets: give a command.");
            context.err().print(usage(commands));
            return USAGE;
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            context.out().print(usage(commands));
            return OK;
        }
        Function<String[], CommandLine> line = commands.get(command);
        if (line == null) {
            context.err()
                    .println("plektoets: unknown command '" + command + "'; the commands are "
                            + String.join(", ", commands.keySet()) + " (plektoets --help)");
            return USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return line.apply(rest).execute(rest);
    }

    /** The top-level help: each command with its one-line header. */
    private String usage(Map<String, Function<String[], CommandLine>> commands) {
        StringBuilder sb = new StringBuilder("""
                plektoets - tests candidate housing sites for labour migrants against the municipality's policy

                Usage: plektoets COMMAND [OPTIONS]   (plektoets COMMAND --help for its options)

                Commands:
                """);
        commands.forEach((name, line) -> {
            String header = String.join(
                    " ",
                    line.apply(new String[0]).getCommandSpec().usageMessage().header());
            sb.append(String.format(java.util.Locale.ROOT, "  %-11s %s%n", name, header));
        });
        sb.append("\nExit codes: 0 done, 1 failed, 2 bad arguments.\n");
        return sb.toString();
    }
}
