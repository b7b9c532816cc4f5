import { configure } from '@testing-library/dom';

// Component specs wait for what a person would see; on a busy machine a render of a few dozen
// rows can take longer than the library's default second, which is not what these specs check.
configure({ asyncUtilTimeout: 5_000 });
