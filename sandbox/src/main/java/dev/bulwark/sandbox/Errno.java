package dev.bulwark.sandbox;

/** The errno values the sandbox interprets, with their names for messages. */
final class Errno {
  static final int EPERM = 1;
  static final int ENOENT = 2;
  static final int EACCES = 13;
  static final int EINVAL = 22;
  static final int ENOSYS = 38;
  static final int ENOMSG = 42;
  static final int EOPNOTSUPP = 95;
  static final int E2BIG = 7;

  private Errno() {}

  static String name(int errno) {
    return switch (errno) {
      case EPERM -> "EPERM";
      case ENOENT -> "ENOENT";
      case E2BIG -> "E2BIG";
      case 9 -> "EBADF";
      case EACCES -> "EACCES";
      case 20 -> "ENOTDIR";
      case EINVAL -> "EINVAL";
      case ENOSYS -> "ENOSYS";
      case 40 -> "ELOOP";
      case ENOMSG -> "ENOMSG";
      case 77 -> "EBADFD";
      case EOPNOTSUPP -> "EOPNOTSUPP";
      case 97 -> "EAFNOSUPPORT";
      default -> "errno " + errno;
    };
  }
}
