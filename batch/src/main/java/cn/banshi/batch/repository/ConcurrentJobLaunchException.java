package cn.banshi.batch.repository;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Another launch of the same job instance won the race: it created the instance, or claimed the instance's
 * "running execution" marker, between this launch's checks and its write. Nothing of this launch was kept.
 * Unchecked because the repository is behind a JDK proxy (a checked exception not declared by
 * {@code JobRepository} would arrive wrapped); Spring Batch's own check before the write throws the checked
 * {@code JobExecutionAlreadyRunningException} in the ordinary, non-racing case.
 */
public class ConcurrentJobLaunchException extends OptimisticLockingFailureException {
    public ConcurrentJobLaunchException(String message) {
        super(message);
    }
}
