import { render } from 'preact';
import { App } from './components/App/App.tsx';
import './theme.css';

const root = document.getElementById('app');
if (!root) throw new Error('The side panel page has no #app element');
render(<App />, root);
