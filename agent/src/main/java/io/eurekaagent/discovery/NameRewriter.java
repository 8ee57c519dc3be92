package io.eurekaagent.discovery;

import io.eurekaagent.jdk.HookContract;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Puts {@code EurekaAgentNameHook.rewrite} in front of the JDK code that opens HTTP requests, with the ASM bundled in
 * Byte Buddy: the URL handlers' {@code openConnection(URL[, Proxy])} and {@code HttpClientImpl}'s internal
 * {@code sendAsync(request, handler, pushHandler, executor)}, through which {@code send} and both public
 * {@code sendAsync} go. The first argument is replaced by what the hook returns; a Throwable is thrown by the URL
 * handlers (it is an UnknownHostException, which openConnection declares) and becomes a failed future in sendAsync,
 * whose returned future also goes through the hook (a refused connection can then try another instance).
 */
final class NameRewriter {
    static final String URL_HANDLER = "sun/net/www/protocol/http/Handler";
    static final String TLS_URL_HANDLER = "sun/net/www/protocol/https/Handler";
    static final String HTTP_CLIENT = "jdk/internal/net/http/HttpClientImpl";
    static final String NETWORK_CLIENT = "sun/net/NetworkClient";
    private static final String SEND_ASYNC = "(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;"
        + "Ljava/net/http/HttpResponse$PushPromiseHandler;Ljava/util/concurrent/Executor;)"
        + "Ljava/util/concurrent/CompletableFuture;";

    private static final String DO_CONNECT = "(Ljava/lang/String;I)Ljava/net/Socket;";

    private NameRewriter() {
    }

    /** Which of the JDK's classes is being rewritten, and so which of its methods. */
    enum Target {
        URL_HANDLER, HTTP_CLIENT, NETWORK_CLIENT;

        static Target of(String className) {
            return className.equals(NameRewriter.HTTP_CLIENT) ? HTTP_CLIENT
                    : className.equals(NameRewriter.NETWORK_CLIENT) ? NETWORK_CLIENT : URL_HANDLER;
        }
    }

    /** @param hook the internal name of the class whose static rewrite, sent and refused are called */
    static byte[] instrument(byte[] bytes, Target target, String hook) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        String owner = reader.getClassName();
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) != 0) {
                            return method;
                        }
                        if (target == Target.HTTP_CLIENT && name.equals("sendAsync") && descriptor.equals(SEND_ASYNC)) {
                            return new ReplaceFirstArgument(method, hook, "java/net/http/HttpRequest", true);
                        }
                        if (target == Target.URL_HANDLER
                                && name.equals("openConnection")
                                && descriptor.startsWith("(Ljava/net/URL;")) {
                            return new ReplaceFirstArgument(method, hook, "java/net/URL", false);
                        }
                        if (target == Target.NETWORK_CLIENT
                                && name.equals("doConnect")
                                && descriptor.equals(DO_CONNECT)) {
                            return new ConnectElsewhereWhenRefused(method, hook, owner);
                        }
                        return method;
                    }
                },
                0);
        return writer.toByteArray();
    }

    /** {@code arg1 = hook(arg1)} at the method's start, or fail with the Throwable the hook returned. */
    private static final class ReplaceFirstArgument extends MethodVisitor {
        private final String hook;
        private final String type;
        private final boolean httpClient;

        ReplaceFirstArgument(MethodVisitor method, String hook, String type, boolean httpClient) {
            super(Opcodes.ASM9, method);
            this.hook = hook;
            this.type = type;
            this.httpClient = httpClient;
        }

        /** sendAsync: {@code return (CompletableFuture) hook.sent(future, this, request, handler)}. */
        @Override
        public void visitInsn(int opcode) {
            if (httpClient && opcode == Opcodes.ARETURN) {
                super.visitVarInsn(Opcodes.ALOAD, 0);
                super.visitVarInsn(Opcodes.ALOAD, 1);
                super.visitVarInsn(Opcodes.ALOAD, 2);
                super.visitMethodInsn(
                        Opcodes.INVOKESTATIC, hook, HookContract.SENT.name(), HookContract.SENT.descriptor(), false);
                super.visitTypeInsn(Opcodes.CHECKCAST, "java/util/concurrent/CompletableFuture");
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            Label usable = new Label();
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitMethodInsn(
                    Opcodes.INVOKESTATIC, hook, HookContract.REWRITE.name(), HookContract.REWRITE.descriptor(), false);
            super.visitInsn(Opcodes.DUP);
            super.visitTypeInsn(Opcodes.INSTANCEOF, type);
            super.visitJumpInsn(Opcodes.IFNE, usable);
            super.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Throwable");
            if (httpClient) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/concurrent/CompletableFuture", "failedFuture",
                        "(Ljava/lang/Throwable;)Ljava/util/concurrent/CompletableFuture;", false);
                super.visitInsn(Opcodes.ARETURN);
            } else {
                super.visitInsn(Opcodes.ATHROW);
            }
            super.visitLabel(usable);
            super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/lang/Object"});
            super.visitTypeInsn(Opcodes.CHECKCAST, type);
            super.visitVarInsn(Opcodes.ASTORE, 1);
        }
    }

    /**
     * NetworkClient.doConnect(host, port), where HttpURLConnection opens its socket: first
     * {@code hook.connecting(this, host, port)} may name another address to connect to (the JDK's one retry of a
     * request whose connection the instance cut off); then a ConnectException is given to
     * {@code hook.refused(exception, host, port)}; if that names another address, doConnect is called once more with
     * it, else the exception is thrown as before. Nothing has been sent on a refused connection, so this is safe for
     * any request.
     */
    private static final class ConnectElsewhereWhenRefused extends MethodVisitor {
        private final String hook;
        private final String owner;
        private final Label start = new Label();
        private final Label end = new Label();
        private final Label refused = new Label();

        ConnectElsewhereWhenRefused(MethodVisitor method, String hook, String owner) {
            super(Opcodes.ASM9, method);
            this.hook = hook;
            this.owner = owner;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            // Object elsewhere = hook.connecting(this, host, port); if it is an address, connect there instead.
            Label keep = new Label();
            Label go = new Label();
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitVarInsn(Opcodes.ILOAD, 2);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, hook, HookContract.CONNECTING.name(),
                    HookContract.CONNECTING.descriptor(), false);
            super.visitInsn(Opcodes.DUP);
            super.visitTypeInsn(Opcodes.INSTANCEOF, "java/net/InetSocketAddress");
            super.visitJumpInsn(Opcodes.IFEQ, keep);
            super.visitTypeInsn(Opcodes.CHECKCAST, "java/net/InetSocketAddress");
            super.visitInsn(Opcodes.DUP);
            hostString();
            super.visitVarInsn(Opcodes.ASTORE, 1);
            port();
            super.visitVarInsn(Opcodes.ISTORE, 2);
            super.visitJumpInsn(Opcodes.GOTO, go);
            super.visitLabel(keep);
            super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/lang/Object"});
            super.visitInsn(Opcodes.POP);
            super.visitLabel(go);
            super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            super.visitTryCatchBlock(start, end, refused, "java/net/ConnectException");
            super.visitLabel(start);
        }

        private void hostString() {
            String type = "java/net/InetSocketAddress";
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, type, "getHostString", "()Ljava/lang/String;", false);
        }

        private void port() {
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/net/InetSocketAddress", "getPort", "()I", false);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Object[] locals = {owner, "java/lang/String", Opcodes.INTEGER};
            Label rethrow = new Label();
            super.visitLabel(end);
            super.visitLabel(refused);
            super.visitFrame(Opcodes.F_FULL, 3, locals, 1, new Object[] {"java/net/ConnectException"});
            super.visitInsn(Opcodes.DUP);
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitVarInsn(Opcodes.ILOAD, 2);
            super.visitMethodInsn(
                    Opcodes.INVOKESTATIC, hook, HookContract.REFUSED.name(), HookContract.REFUSED.descriptor(), false);
            super.visitInsn(Opcodes.DUP);
            super.visitTypeInsn(Opcodes.INSTANCEOF, "java/net/InetSocketAddress");
            super.visitJumpInsn(Opcodes.IFEQ, rethrow);
            super.visitTypeInsn(Opcodes.CHECKCAST, "java/net/InetSocketAddress");
            super.visitVarInsn(Opcodes.ASTORE, 3);
            super.visitInsn(Opcodes.POP);
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitVarInsn(Opcodes.ALOAD, 3);
            hostString();
            super.visitVarInsn(Opcodes.ALOAD, 3);
            port();
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "doConnect", DO_CONNECT, false);
            super.visitInsn(Opcodes.ARETURN);
            super.visitLabel(rethrow);
            super.visitFrame(
                    Opcodes.F_FULL, 3, locals, 2, new Object[] {"java/net/ConnectException", "java/lang/Object"});
            super.visitInsn(Opcodes.POP);
            super.visitInsn(Opcodes.ATHROW);
            super.visitMaxs(Math.max(maxStack, 4), Math.max(maxLocals, 4));
        }
    }
}
