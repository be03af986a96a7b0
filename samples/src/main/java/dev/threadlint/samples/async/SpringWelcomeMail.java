package dev.threadlint.samples.async;

import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/**
 * Sign-up in a Spring application: registering a user sends a welcome mail, which talks to a slow
 * SMTP server, so the mail method is {@code @Async}. But the registration calls it on {@code
 * this}: Spring's {@code @Async} works through a proxy around the bean, and a call from inside the
 * bean goes straight to the method. The mail is sent synchronously, and every sign-up waits for
 * the SMTP server. The fix moves the mail to its own bean, injected into the registration, so the
 * call goes through the proxy.
 */
public final class SpringWelcomeMail {
  private SpringWelcomeMail() {}

  /** Talks to the SMTP server; slow. */
  interface SmtpClient {
    void send(String to, String subject, String body);
  }

  /** Stores users. */
  interface UserStore {
    void insert(String email);
  }

  /** Calls its own {@code @Async} method: the proxy is bypassed, the mail is sent in line. */
  static final class Pitfall {
    @Service
    static class RegistrationService {
      private final UserStore users;
      private final SmtpClient smtp;

      RegistrationService(UserStore users, SmtpClient smtp) {
        this.users = users;
        this.smtp = smtp;
      }

      public void register(String email) {
        users.insert(email);
        // BUG: Diagnostic contains: AsyncSelfInvocation
        // `sendWelcomeMail` is annotated `@Async`, but this call is on `this`
        sendWelcomeMail(email);
      }

      @Async
      public CompletableFuture<Void> sendWelcomeMail(String email) {
        smtp.send(email, "Welcome!", "Thanks for signing up.");
        return CompletableFuture.completedFuture(null);
      }
    }
  }

  /** The mail is a bean of its own: the call goes through Spring's proxy and runs asynchronously. */
  static final class Fix {
    @Service
    static class WelcomeMailer {
      private final SmtpClient smtp;

      WelcomeMailer(SmtpClient smtp) {
        this.smtp = smtp;
      }

      @Async
      public CompletableFuture<Void> sendWelcomeMail(String email) {
        smtp.send(email, "Welcome!", "Thanks for signing up.");
        return CompletableFuture.completedFuture(null);
      }
    }

    @Service
    static class RegistrationService {
      private final UserStore users;
      private final WelcomeMailer mailer;

      RegistrationService(UserStore users, WelcomeMailer mailer) {
        this.users = users;
        this.mailer = mailer;
      }

      public void register(String email) {
        users.insert(email);
        mailer.sendWelcomeMail(email);
      }
    }
  }
}
