package cn.banshi.batch.repository;

import org.springframework.dao.NonTransientDataAccessException;

/**
 * An execution context that does not fit into one DynamoDB item (400 KB) even compressed. It is refused
 * whole; the stored context stays as it was. Keep large state out of the ExecutionContext (store it in a
 * table of its own and keep a key in the context).
 */
public class ExecutionContextTooLargeException extends NonTransientDataAccessException {
    public ExecutionContextTooLargeException(String message) {
        super(message);
    }
}
