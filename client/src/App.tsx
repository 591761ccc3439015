// Routes. The facilitator console, the debrief and the scenario studio are lazy chunks, so a
// student's first screen stays small.
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Center, Loader } from '@mantine/core';
import { Home } from './features/home/Home';
import { PlayerScreen } from './features/player/PlayerScreen';
import { ProjectorScreen } from './features/projector/ProjectorScreen';
import { NotFound } from './ui/NotFound';
import { t, useLanguage } from './i18n';

const FacilitatorScreen = lazy(() => import('./features/facilitator/FacilitatorScreen'));
const DebriefScreen = lazy(() => import('./features/debrief/DebriefScreen'));
const StudioScreen = lazy(() => import('./features/studio/StudioScreen'));

function Loading() {
  return (
    <Center h="60vh" role="status" aria-label={t.app.loading}>
      <Loader />
    </Center>
  );
}

export function App() {
  // A change of language re-renders every screen from here, with the new catalogue in `t`.
  useLanguage();
  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/">{() => <Home />}</Route>
          <Route path="/join/:code">{(params) => <Home code={params.code} />}</Route>
          <Route path="/play/:code">{(params) => <PlayerScreen joinCode={params.code} />}</Route>
          <Route path="/projector/:code">{(params) => <ProjectorScreen joinCode={params.code} />}</Route>
          <Route path="/facilitator/:sessionId">{(params) => <FacilitatorScreen sessionId={params.sessionId} />}</Route>
          <Route path="/studio">{() => <StudioScreen />}</Route>
          <Route path="/debrief/:sessionId">{(params) => <DebriefScreen sessionId={params.sessionId} />}</Route>
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </>
  );
}
