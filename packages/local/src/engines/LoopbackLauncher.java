/*
 * Starts DynamoDB Local listening on 127.0.0.1 only.
 *
 * DynamoDB Local's own main() builds a Jetty server on all interfaces (0.0.0.0) and has
 * no option to choose the host, so anyone on the network could read and write the local
 * platform's tables. This launcher builds the same server from the same command-line
 * arguments, sets the host of its connectors to the loopback address before starting
 * it, and then waits on it as main() does.
 *
 * loopback-launcher.ts compiles it once (a JDK 17+: it needs jdk.compiler) and runs the
 * class; by hand, Java's single-file source launch runs it as it is:
 *   java -cp "DynamoDBLocal.jar:DynamoDBLocal_lib/*" LoopbackLauncher.java -port P ...
 *
 * Telemetry: main() configures it; this launcher never does, so none is sent whatever
 * the arguments say (the caller passes -disableTelemetry all the same).
 */
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

public class LoopbackLauncher {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    // The Jetty server is a private field of DynamoDBProxyServer (DynamoDB Local 3.x).
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) fail("the DynamoDB Local server has no connector");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        fail("unexpected connector " + connector.getClass().getName());
      }
      ((ServerConnector) connector).setHost(HOST);
    }
    // A port in use makes start() throw (Jetty 12: "Failed to bind"), but start() catches
    // a SocketException itself, prints it and stops the server: exit non-zero then too.
    proxy.start();
    if (!jetty.isStarted()) fail("DynamoDB Local did not start");
    for (Connector connector : connectors) {
      ServerConnector bound = (ServerConnector) connector;
      if (!HOST.equals(bound.getHost())) {
        fail("DynamoDB Local listens on " + bound.getHost() + ", not " + HOST);
      }
      // The caller waits for this line: it proves that this process holds the port, which
      // an answer on the port alone does not (another server may have it).
      System.out.println("LoopbackLauncher: listening on " + HOST + ":" + bound.getLocalPort());
    }
    System.out.flush();
    proxy.join();
  }

  private static void fail(String message) {
    System.err.println("LoopbackLauncher: " + message);
    System.exit(1);
  }
}
