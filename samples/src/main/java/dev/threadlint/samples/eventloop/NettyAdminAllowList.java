package dev.threadlint.samples.eventloop;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A Netty handler that lets only the hosts of an allow-list reach the admin endpoints behind it.
 * Netty calls {@code channelRead0} on the channel's event loop, which also serves hundreds of
 * other connections, and the allow-list check resolves the allowed host names on every request,
 * two helper calls down: each request sends DNS queries from the event loop, and while the
 * resolver waits (seconds when a DNS server is slow) no channel of that loop is read or written.
 * The fix resolves on a separate executor and goes on with the request on the channel's event
 * loop, {@code ctx.executor()}.
 */
public final class NettyAdminAllowList {
  private NettyAdminAllowList() {}

  /** Host names allowed to call the admin endpoints, as written in the configuration. */
  static final class HostAllowList {
    private final List<String> hostNames;

    HostAllowList(List<String> hostNames) {
      this.hostNames = List.copyOf(hostNames);
    }

    /** Whether the caller is one of the allowed hosts; false when a name does not resolve. */
    boolean allows(InetAddress caller) {
      try {
        return resolveAll().contains(caller);
      } catch (UnknownHostException e) {
        return false;
      }
    }

    private Set<InetAddress> resolveAll() throws UnknownHostException {
      Set<InetAddress> addresses = new HashSet<>();
      for (String hostName : hostNames) {
        addresses.addAll(Arrays.asList(InetAddress.getAllByName(hostName)));
      }
      return addresses;
    }
  }

  static InetAddress callerOf(ChannelHandlerContext ctx) {
    return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
  }

  static void reject(ChannelHandlerContext ctx) {
    FullHttpResponse forbidden =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN, Unpooled.EMPTY_BUFFER);
    HttpUtil.setContentLength(forbidden, 0);
    ctx.writeAndFlush(forbidden).addListener(ChannelFutureListener.CLOSE);
  }

  /** Checks the allow-list on the event loop. */
  static final class Pitfall extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final HostAllowList allowList;

    Pitfall(HostAllowList allowList) {
      this.allowList = allowList;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      // BUG: Diagnostic contains: BlockingCallInEventLoop
      // allows() → resolveAll() → InetAddress.getAllByName()
      if (allowList.allows(callerOf(ctx))) {
        ctx.fireChannelRead(request.retain());
      } else {
        reject(ctx);
      }
    }
  }

  /** Checks the allow-list on an executor for lookups, then goes on on the event loop. */
  static final class Fix extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final HostAllowList allowList;
    private final Executor lookups;

    Fix(HostAllowList allowList, Executor lookups) {
      this.allowList = allowList;
      this.lookups = lookups;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      InetAddress caller = callerOf(ctx);
      // This handler releases the request when channelRead0 returns: keep it for the callback.
      request.retain();
      lookups.execute(
          () -> {
            boolean allowed = allowList.allows(caller);
            ctx.executor()
                .execute(
                    () -> {
                      if (allowed) {
                        ctx.fireChannelRead(request);
                      } else {
                        request.release();
                        reject(ctx);
                      }
                    });
          });
    }
  }
}
